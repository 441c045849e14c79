#if 0
int a;
#elif 1
int b;
#else
int c;
#endif
void f(void)
{
#ifdef CONFIG_X
	g(1);
#else
	g(2);
#endif
}
#if A
int x = (1
#else
int x = (2
#endif
);
#ifndef __cplusplus
int z;
#if B
