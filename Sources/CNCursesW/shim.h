#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide API (cchar_t, add_wch, mvaddnwstr, get_wch, setcchar) is only declared when
   NCURSES_WIDECHAR is 1. cSettings/pkg-config defines do not reach Swift's Clang importer,
   so it must be defined here, before any system header. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

/* Attribute / mouse / ACS macros are built from NCURSES_BITS(...) or acs_map[] and are not imported. */
static inline attr_t  cnc_attr_bold(void)      { return A_BOLD; }
static inline attr_t  cnc_attr_reverse(void)   { return A_REVERSE; }
static inline attr_t  cnc_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t  cnc_attr_dim(void)       { return A_DIM; }
static inline mmask_t cnc_mouse_all(void)      { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cnc_button1_pressed(void){ return BUTTON1_PRESSED; }
static inline mmask_t cnc_wheel_up(void)       { return BUTTON4_PRESSED; }
static inline mmask_t cnc_wheel_down(void)     { return BUTTON5_PRESSED; }
static inline int     cnc_key_f(int n)         { return KEY_F(n); }

/* C globals (stdscr, LINES, COLS, COLORS, stdin, stdout) are rejected by Swift 6 strict
   concurrency ("not concurrency-safe because it involves shared mutable state"). */
static inline WINDOW *cnc_stdscr(void) { return stdscr; }
static inline int     cnc_colors(void) { return COLORS; }
static inline FILE   *cnc_stdin(void)  { return stdin; }
static inline FILE   *cnc_stdout(void) { return stdout; }

#endif
