package slackbot

import (
	"strings"

	"github.com/slack-go/slack"
)

// Where the answer body is Slack's markdown block and where it is mrkdwn.
//
// The markdown block takes standard Markdown, as the answerer writes it,
// and Slack renders it (headings, lists, tables, code, links) better than
// our conversion can. Slack documents it for messages of apps using its
// AI features, which is what the bot posts with chat.postMessage and
// chat.update: answers to mentions, thread follow-ups, DMs and the
// assistant pane, and the placeholder drawn while the model writes. The
// streamed message (chat.startStream) takes the same Markdown as
// markdown_text.
//
// mrkdwn (mrkdwn.go) stays where a surface needs it:
//   - answers sent through a response_url (the slash command's private
//     answer and "Share in channel"): Slack does not document the markdown
//     block for response_url messages, and a refused answer there cannot
//     be retried (the URL takes five messages);
//   - views (the home tab): the markdown block is a message block only;
//   - text objects inside other blocks (sections, context, buttons) and
//     the fallback text of notifications: mrkdwn is the only markup they
//     take;
//   - digests, whose text we compose ourselves in mrkdwn.

// maxMarkdownBytes is what one message's markdown blocks may hold: Slack
// caps their total at 12,000 characters; counting bytes is never below
// however Slack counts, and leaves room for what the edge sanitizer adds.
const maxMarkdownBytes = 11000

// markdownBlock is a markdown block of standard Markdown text.
func markdownBlock(md string) *slack.MarkdownBlock { return slack.NewMarkdownBlock("", md) }

// markdownText makes the answerer's Markdown safe for a markdown block
// before the edge (sanitizeMrkdwn) sees it: a [text](target) link keeps
// its markup only when target is an http(s) URL without credentials, else
// it becomes its text; code is left as written (Slack shows it as code).
func markdownText(md string) string {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	lines := strings.Split(md, "\n")
	inCode := false
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inCode = !inCode
			continue
		}
		if !inCode {
			lines[i] = markdownLinks(line)
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n ")
}

// linkEscaper keeps a URL from closing its Markdown link early.
var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29")

// markdownPiece is markdownText for a piece of a streamed answer: its
// whitespace kept (the next piece follows it), inCode saying whether it
// begins inside a code block.
func markdownPiece(md string, inCode bool) string {
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inCode = !inCode
			continue
		}
		if !inCode {
			lines[i] = markdownLinks(line)
		}
	}
	return strings.Join(lines, "\n")
}

// markdownLinks rewrites the links of one line (outside code spans).
func markdownLinks(line string) string {
	if !strings.Contains(line, "](") {
		return line
	}
	var b strings.Builder
	for i := 0; i < len(line); {
		switch line[i] {
		case '`':
			if j := strings.IndexByte(line[i+1:], '`'); j >= 0 {
				b.WriteString(line[i : i+j+2])
				i += j + 2
				continue
			}
		case '[':
			if text, target, n, ok := mdLink(line[i:]); ok {
				if u, ok := safeURL(target); ok {
					b.WriteString("[" + markdownLinks(text) + "](" + linkEscaper.Replace(strings.ReplaceAll(u, "&amp;", "&")) + ")")
				} else {
					b.WriteString(markdownLinks(text))
				}
				i += n
				continue
			}
		}
		b.WriteByte(line[i])
		i++
	}
	return b.String()
}
