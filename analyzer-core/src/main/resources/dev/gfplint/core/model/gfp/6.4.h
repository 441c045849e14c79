/*
 * gfplint GFP layout 6.4 -- Linux 6.4 to 6.7.
 *
 * Facts only (names and numbers); the wording and arrangement are gfplint's own.
 * "id:N" below is the look-up id of a stored copy in the team's search tool.
 * Verified against:
 *   - 0a54864f8dfb "kasan: remove PG_skip_kasan_poison flag" (v3 posted 2023-03-01, id:47621667706;
 *       listed with other 6.4 mm commits in id:67419589653)
 *   - a v6.6.28 gfp_types.h quotation (search-index id:24213316797) and the pre-image of the 6.10
 *       enum patch (id:24669071012): SKIP_ZERO 0x1000000, SKIP_KASAN 0x2000000, NOLOCKDEP 0x4000000
 *
 * Config convention: bits that the kernel defines only under a config option
 * (CONFIG_LOCKDEP, CONFIG_KASAN_HW_TAGS, ...) are given their enabled value, and
 * IS_ENABLED(...) inside __GFP_BITS_SHIFT is taken as 1.
 *
 * Change at 6.4: __GFP_SKIP_KASAN_UNPOISON and __GFP_SKIP_KASAN_POISON merged into
 * __GFP_SKIP_KASAN (0x2000000); __GFP_NOLOCKDEP moves to 0x4000000.
 *
 * GFP_MOVABLE_MASK/GFP_MOVABLE_SHIFT are kept even where gfp.h #undefs them after
 * its own use; GFP_ZONES_SHIFT, GFP_ZONE_TABLE and GFP_ZONE_BAD are left out
 * because they depend on zone configuration, not on GFP bits.
 */

/* raw bits */
#define ___GFP_DMA            0x1u
#define ___GFP_HIGHMEM        0x2u
#define ___GFP_DMA32          0x4u
#define ___GFP_MOVABLE        0x8u
#define ___GFP_RECLAIMABLE    0x10u
#define ___GFP_HIGH           0x20u
#define ___GFP_IO             0x40u
#define ___GFP_FS             0x80u
#define ___GFP_ZERO           0x100u
#define ___GFP_DIRECT_RECLAIM 0x400u
#define ___GFP_KSWAPD_RECLAIM 0x800u
#define ___GFP_WRITE          0x1000u
#define ___GFP_NOWARN         0x2000u
#define ___GFP_RETRY_MAYFAIL  0x4000u
#define ___GFP_NOFAIL         0x8000u
#define ___GFP_NORETRY        0x10000u
#define ___GFP_MEMALLOC       0x20000u
#define ___GFP_COMP           0x40000u
#define ___GFP_NOMEMALLOC     0x80000u
#define ___GFP_HARDWALL       0x100000u
#define ___GFP_THISNODE       0x200000u
#define ___GFP_ACCOUNT        0x400000u
#define ___GFP_ZEROTAGS       0x800000u
#define ___GFP_SKIP_ZERO      0x1000000u
#define ___GFP_SKIP_KASAN     0x2000000u
#define ___GFP_NOLOCKDEP      0x4000000u

/* flags */
#define __GFP_DMA            ((__force gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM        ((__force gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32          ((__force gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE        ((__force gfp_t)___GFP_MOVABLE)
#define __GFP_RECLAIMABLE    ((__force gfp_t)___GFP_RECLAIMABLE)
#define __GFP_HIGH           ((__force gfp_t)___GFP_HIGH)
#define __GFP_IO             ((__force gfp_t)___GFP_IO)
#define __GFP_FS             ((__force gfp_t)___GFP_FS)
#define __GFP_ZERO           ((__force gfp_t)___GFP_ZERO)
#define __GFP_DIRECT_RECLAIM ((__force gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM ((__force gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM        ((__force gfp_t)(___GFP_DIRECT_RECLAIM|___GFP_KSWAPD_RECLAIM))
#define __GFP_WRITE          ((__force gfp_t)___GFP_WRITE)
#define __GFP_NOWARN         ((__force gfp_t)___GFP_NOWARN)
#define __GFP_RETRY_MAYFAIL  ((__force gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL         ((__force gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY        ((__force gfp_t)___GFP_NORETRY)
#define __GFP_MEMALLOC       ((__force gfp_t)___GFP_MEMALLOC)
#define __GFP_COMP           ((__force gfp_t)___GFP_COMP)
#define __GFP_NOMEMALLOC     ((__force gfp_t)___GFP_NOMEMALLOC)
#define __GFP_HARDWALL       ((__force gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE       ((__force gfp_t)___GFP_THISNODE)
#define __GFP_ACCOUNT        ((__force gfp_t)___GFP_ACCOUNT)
#define __GFP_ZEROTAGS       ((__force gfp_t)___GFP_ZEROTAGS)
#define __GFP_SKIP_ZERO      ((__force gfp_t)___GFP_SKIP_ZERO)
#define __GFP_SKIP_KASAN     ((__force gfp_t)___GFP_SKIP_KASAN)
#define __GFP_NOLOCKDEP      ((__force gfp_t)___GFP_NOLOCKDEP)

/* width of the flag space */
#define __GFP_BITS_SHIFT (26 + 1)
#define __GFP_BITS_MASK ((__force gfp_t)((1 << __GFP_BITS_SHIFT) - 1))

/* combinations */
#define GFP_ZONEMASK         (__GFP_DMA|__GFP_HIGHMEM|__GFP_DMA32|__GFP_MOVABLE)
#define GFP_ATOMIC           (__GFP_HIGH|__GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL           (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT   (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT           (__GFP_KSWAPD_RECLAIM)
#define GFP_NOIO             (__GFP_RECLAIM)
#define GFP_NOFS             (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER             (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA              __GFP_DMA
#define GFP_DMA32            __GFP_DMA32
#define GFP_HIGHUSER         (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE | __GFP_SKIP_KASAN)
#define GFP_TRANSHUGE_LIGHT  ((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE        (GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)
#define GFP_MOVABLE_MASK     (__GFP_RECLAIMABLE|__GFP_MOVABLE)
#define GFP_MOVABLE_SHIFT    3
