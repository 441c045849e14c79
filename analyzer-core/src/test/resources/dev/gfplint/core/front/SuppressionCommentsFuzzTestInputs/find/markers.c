// gfplint: ignore-file[vmalloc-nofs] whole file
int a; /* gfplint: ignore[contradictory-gfp-flags, ] reason */ int b;
 * gfplint:ignore[x]
notgfplint: ignore[y]
// gfplint: ignore[unterminated
// gfplint: ignore[]