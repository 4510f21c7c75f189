/*
 * gmimeinit.h - starting GMime: once per process, with SIGPIPE put back
 * to its default, which GMime (through GPGME) sets to ignored.
 */
#ifndef MLD_GMIMEINIT_H
#define MLD_GMIMEINIT_H

/* Initialises GMime once; later calls do nothing. */
void mld_gmime_init(void);

#endif
