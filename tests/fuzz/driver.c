/*
 * Runs a fuzz target over the files named on the command line, without
 * libFuzzer: what `make check` uses to replay the seed corpus and every
 * input that once made a target fail.
 */
#include <stdint.h>
#include <stdio.h>
#include <glib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
main(int argc, char **argv)
{
	GError *err = NULL;
	gchar *data;
	gsize len;
	int i;

	for (i = 1; i < argc; i++) {
		if (!g_file_get_contents(argv[i], &data, &len, &err)) {
			fprintf(stderr, "%s\n", err->message);
			return 1;
		}
		LLVMFuzzerTestOneInput((const uint8_t *)data, len);
		g_free(data);
	}
	return 0;
}
