#define X(a) \
  ((a) + 1) /* spans
 lines */
int y = u8"x"[0] + L'\'' + 0x1p-3 + .5e+2 + 0xe+1; // a \
 continued comment
"unterminated
x\ 
/* unterminated