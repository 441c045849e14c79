{
#ifdef
#else
#endif
#if
#elif
}
