/*
 * gmime-floor - the bare GMime 3 parse loop over an mbox: the floor that
 * any program built on the library pays, measured by bench/run.
 *
 * For every message found by GMime's own mbox parser it reads what a
 * digest needs from the headers (Date, From, Subject, Message-ID) and the
 * text of the first text/plain part, then drops the message.  It prints
 * the number of messages and of text bytes, so that a run can be checked
 * against an independent count.
 *
 * Limits: this is GMime's mbox dialect, not ours: any line starting
 * "From " separates messages and ">From " is never unescaped.  The text
 * is not validated as UTF-8.  No diagnostics beyond a stuck parser.
 *
 * usage: gmime-floor [file]	(no file, or "-": standard input)
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gmime/gmime.h>

struct tally {
	unsigned long long messages;
	unsigned long long dated;	/* with a Date GMime could parse */
	unsigned long long text_bytes;
};

/*
 * A regular file is read through an fs stream (as fast here as a mapped
 * stream, and its peak RSS is then the parser's own memory).  A pipe
 * must go through a block-read buffer stream and the parser must not try
 * to seek back into it, or GMime finds no message.
 */
static GMimeParser *
open_parser(int fd)
{
	GMimeStream *stream, *pipe;
	GMimeParser *parser;
	struct stat st;
	gboolean regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);

	if (regular) {
		stream = g_mime_stream_fs_new(fd);
		g_mime_stream_fs_set_owner(GMIME_STREAM_FS(stream), FALSE);
	} else {
		pipe = g_mime_stream_pipe_new(fd);
		g_mime_stream_pipe_set_owner(GMIME_STREAM_PIPE(pipe), FALSE);
		stream = g_mime_stream_buffer_new(pipe,
		    GMIME_STREAM_BUFFER_BLOCK_READ);
		g_object_unref(pipe);
	}
	parser = g_mime_parser_new_with_stream(stream);
	g_object_unref(stream);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MBOX);
	if (!regular)
		g_mime_parser_set_persist_stream(parser, FALSE);
	return parser;
}

/* The first text/plain part, depth first, not inside attached messages. */
static GMimeTextPart *
first_text_plain(GMimeObject *obj)
{
	GMimeTextPart *found = NULL;
	int i, n;

	if (GMIME_IS_MULTIPART(obj)) {
		n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
		for (i = 0; i < n && found == NULL; i++)
			found = first_text_plain(g_mime_multipart_get_part(
			    GMIME_MULTIPART(obj), i));
		return found;
	}
	if (GMIME_IS_TEXT_PART(obj) && g_mime_content_type_is_type(
	    g_mime_object_get_content_type(obj), "text", "plain"))
		return GMIME_TEXT_PART(obj);
	return NULL;
}

static void
read_message(GMimeMessage *msg, struct tally *t)
{
	InternetAddressList *from = g_mime_message_get_from(msg);
	GMimeObject *body = g_mime_message_get_mime_part(msg);
	GMimeTextPart *part = body != NULL ? first_text_plain(body) : NULL;
	GDateTime *date = g_mime_message_get_date(msg);
	const char *subject = g_mime_message_get_subject(msg);
	const char *msgid = g_mime_message_get_message_id(msg);
	char *s;

	s = from != NULL ? internet_address_list_to_string(from, NULL, FALSE) :
	    NULL;
	t->text_bytes += (s != NULL ? strlen(s) : 0) +
	    (subject != NULL ? strlen(subject) : 0) +
	    (msgid != NULL ? strlen(msgid) : 0);
	if (date != NULL)
		t->dated++;
	g_free(s);
	if (part != NULL) {
		s = g_mime_text_part_get_text(part);
		t->text_bytes += s != NULL ? strlen(s) : 0;
		g_free(s);
	}
}

static int
parse(int fd, const char *name, struct tally *t)
{
	GMimeParser *parser = open_parser(fd);
	GMimeMessage *msg;
	int status = 0;

	for (;;) {
		msg = g_mime_parser_construct_message(parser, NULL);
		if (msg == NULL) {
			/* Without eos the parser would stay stuck here. */
			if (!g_mime_parser_eos(parser)) {
				fprintf(stderr, "gmime-floor: %s: byte %lld: "
				    "no message\n", name, (long long)
				    g_mime_parser_tell(parser));
				status = 1;
			}
			break;
		}
		g_free(g_mime_parser_get_mbox_marker(parser));
		t->messages++;
		read_message(msg, t);
		g_object_unref(msg);
	}
	g_object_unref(parser);
	return status;
}

int
main(int argc, char **argv)
{
	struct tally t = { 0, 0, 0 };
	const char *name = argc > 1 ? argv[1] : "-";
	int fd = 0, status;

	if (argc > 2) {
		fputs("usage: gmime-floor [file]\n", stderr);
		return 2;
	}
	if (strcmp(name, "-") != 0 && (fd = open(name, O_RDONLY)) < 0) {
		fprintf(stderr, "gmime-floor: %s: %s\n", name, strerror(errno));
		return 1;
	}
	g_mime_init();
	signal(SIGPIPE, SIG_DFL);
	status = parse(fd, name, &t);
	printf("%llu messages\n%llu dated\n%llu text bytes\n", t.messages,
	    t.dated, t.text_bytes);
	if (fd != 0)
		close(fd);
	g_mime_shutdown();
	if (fflush(stdout) != 0 || ferror(stdout))
		status = 1;
	return status;
}
