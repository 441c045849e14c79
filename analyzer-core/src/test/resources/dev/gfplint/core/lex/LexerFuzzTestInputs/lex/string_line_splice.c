char *s = "abc\
def";
int y;
