/*
 * split-floor - the two floors under any mbox splitter, measured by
 * bench/run: how fast the message boundaries of a mapped file can be
 * found (the scan floor), and how fast one file per message can be
 * written (the file-creation floor).
 *
 * A boundary is "From " at the start of the file or after a newline,
 * found with memchr for the 'F' and a look at the byte before it.  With
 * -d DIR every message is written to DIR/0001, DIR/0002... with one
 * open, write and close each, never an fsync: what git mailsplit does,
 * without its line-by-line reading.
 *
 * Limits: no From_ line validation, no mboxrd unescaping, no CRLF
 * handling: the floor does the least any splitter must do, so its output
 * is right only for a clean mboxrd file such as lore's.  A regular file
 * only (it is mapped).
 *
 * usage: split-floor [-d dir] file
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The next boundary at or after p, or end. */
static const char *
next_boundary(const char *start, const char *p, const char *end)
{
	const char *f;

	for (; (f = memchr(p, 'F', (size_t)(end - p))) != NULL; p = f + 1)
		if ((f == start || f[-1] == '\n') && end - f >= 5 &&
		    memcmp(f, "From ", 5) == 0)
			return f;
	return end;
}

static int
write_file(const char *dir, unsigned long n, const char *p, size_t len)
{
	char path[4096];
	ssize_t w;
	int fd;

	snprintf(path, sizeof path, "%s/%04lu", dir, n);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (fd < 0)
		return -1;
	while (len > 0) {
		w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return close(fd);
}

int
main(int argc, char **argv)
{
	const char *dir = NULL, *data, *p, *q, *end;
	unsigned long n = 0;
	struct stat st;
	int fd, c;

	while ((c = getopt(argc, argv, "d:")) != -1) {
		if (c != 'd')
			goto usage;
		dir = optarg;
	}
	if (argc - optind != 1)
		goto usage;
	if ((fd = open(argv[optind], O_RDONLY)) < 0 || fstat(fd, &st) != 0) {
		perror(argv[optind]);
		return 1;
	}
	if (st.st_size == 0) {
		puts("0");
		return 0;
	}
	data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (data == MAP_FAILED) {
		perror(argv[optind]);
		return 1;
	}
	end = data + st.st_size;
	for (p = next_boundary(data, data, end); p < end; p = q) {
		q = next_boundary(data, p + 1, end);
		n++;
		if (dir != NULL && write_file(dir, n, p, (size_t)(q - p)) != 0) {
			fprintf(stderr, "split-floor: %s/%04lu: %s\n", dir, n,
			    strerror(errno));
			return 1;
		}
	}
	printf("%lu\n", n);
	return fflush(stdout) == 0 ? 0 : 1;
usage:
	fputs("usage: split-floor [-d dir] file\n", stderr);
	return 2;
}
