/* Driver-private iterator macros are loops by their name: *_for_each_*, *_foreach_*, *_for_all_*. */
static void reset_ports(struct nic *nic) // IR: function reset_ports
{
	struct nic_port *port;

	nic_for_each_port(port, nic) { // IR: node ITERATOR nic_for_each_port | call nic_for_each_port(port, nic) | edge TRUE -> +1 | edge FALSE -> +3
		port_reset(port); // IR: call port_reset(port) | edge BACK -> -1
	}
	nic_foreach_queue(nic, q) // IR: node ITERATOR nic_foreach_queue | call nic_foreach_queue(nic, q) | edge TRUE -> +1 | edge FALSE -> +2
		queue_reset(q); // IR: call queue_reset(q) | edge BACK -> -1
	mm_for_all_zones(z) // IR: node ITERATOR mm_for_all_zones | edge TRUE -> +1 | edge FALSE -> exit
		zone_reset(z); // IR: call zone_reset(z) | edge BACK -> -1
}
