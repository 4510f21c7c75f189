/*
 * gmimeinit.c - GMime start-up (see gmimeinit.h).
 */
#include "gmimeinit.h"
#include "tool.h"

#include <stdbool.h>
#include <gmime/gmime.h>

void
mld_gmime_init(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	g_mime_init();
	/* GMime (through GPGME) ignores SIGPIPE; "| head" must end us. */
	mld_quiet_sigpipe();
}
