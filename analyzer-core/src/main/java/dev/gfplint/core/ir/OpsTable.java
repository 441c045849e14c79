package dev.gfplint.core.ir;

import java.util.List;

/**
 * A file-scope variable with a brace initializer that names functions in designated members, the way
 * operations tables are written: {@code static const struct address_space_operations foo_aops = {
 * .writepages = foo_writepages, ... };}. {@code type} is the struct tag ({@code address_space_operations}),
 * empty when the declaration names none; members other than {@code .field = function} are left out.
 */
public record OpsTable(String type, String name, List<Member> members, SourcePos pos) {
    /** {@code .field = function} (or {@code = &function}), at any depth of the initializer. */
    public record Member(String field, String function, SourcePos pos) {}
}
