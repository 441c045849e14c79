"a\
"
x
