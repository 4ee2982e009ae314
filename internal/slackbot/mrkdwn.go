package slackbot

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text from documents, readers and the language model is data. Everything
// that reaches Slack goes through escape exactly once, and the only links
// are the ones link builds from URLs it has checked.

// escaper escapes Slack's three control characters.
var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// broadcast finds the bare words Slack may turn into pings when it
// auto-parses text (@channel, @here, @everyone), whatever their case.
var broadcast = regexp.MustCompile(`(?i)@(channel|here|everyone)\b`)

// wordJoiner is invisible and keeps "@" and the word apart for Slack's parser.
const wordJoiner = "\u2060"

// escape makes untrusted text inert for mrkdwn: &, < and > become entities
// (so "<!channel>" or "<@U123>" can never be a mention) and bare broadcast
// words are split by an invisible joiner.
func escape(s string) string {
	s = escaper.Replace(s)
	return broadcast.ReplaceAllString(s, "@"+wordJoiner+"$1")
}

// linkTextEscaper also replaces "|", which would end a link's URL part.
var linkTextEscaper = strings.NewReplacer("|", "¦")

// A link is never split across sections (both halves would show as raw
// markup), so it must fit in one with room to spare: a longer URL is not
// linked, and a long label is shortened to keep the whole link in bounds.
const (
	maxLinkURL    = 2000 // bytes of the escaped URL
	maxLinkMarkup = 2400 // bytes of "<url|text>"
)

// link builds <url|text> when rawURL is an absolute http(s) URL; ok is
// false otherwise and the caller shows the text alone. A URL too long for
// a section is shown as its text and host with a note instead.
func link(rawURL, text string) (string, bool) {
	u, ok := safeURL(rawURL)
	if !ok {
		return "", false
	}
	text = linkTextEscaper.Replace(escape(strings.TrimSpace(text)))
	if len(u) > maxLinkURL {
		return tooLongLink(rawURL, text), true
	}
	if text == "" {
		return "<" + u + ">", true
	}
	if room := maxLinkMarkup - len(u) - len("<|>"); len(text) > room {
		text = cutEscaped(text, room-len("…")) + "…"
	}
	return "<" + u + "|" + text + ">", true
}

// tooLongLink shows an unlinkable URL's escaped text (or the start of the
// URL when there is none) and says why it is not a link.
func tooLongLink(rawURL, text string) string {
	u, _ := url.Parse(strings.TrimSpace(rawURL))
	host := escape(u.Hostname())
	if text == "" {
		return escape(truncateRunes(u.Hostname()+u.EscapedPath(), 80)) + " _(link too long to show)_"
	}
	return text + " _(link too long to show; at " + host + ")_"
}

// cutEscaped shortens escaped text to at most n bytes, never inside a
// character or an entity.
func cutEscaped(s string, n int) string {
	if len(s) <= n {
		return s
	}
	n = max(n, 0)
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	s = s[:n]
	if amp := strings.LastIndexByte(s, '&'); amp >= 0 && !strings.Contains(s[amp:], ";") {
		s = s[:amp]
	}
	return strings.TrimRightFunc(s, unicode.IsSpace)
}

// urlEscaper keeps a URL inside <…|…>: & is an entity there (Slack decodes
// it), and <, >, | and spaces are percent-encoded.
var urlEscaper = strings.NewReplacer("&", "&amp;", "<", "%3C", ">", "%3E", "|", "%7C", " ", "%20", "\n", "", "\r", "")

func safeURL(raw string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return "", false
	}
	return urlEscaper.Replace(u.String()), true
}

// mrkdwn converts standard Markdown (as the answerer writes it) to Slack's
// mrkdwn: **bold** → *bold*, *italic* → _italic_, ~~x~~ → ~x~,
// [text](url) → <url|text>, headings → bold lines, list bullets → •,
// quotes and code kept. All text is escaped on the way.
func mrkdwn(md string) string {
	md = strings.ReplaceAll(md, "\r\n", "\n")
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	inCode := false
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			inCode = !inCode
			out = append(out, "```")
			continue
		}
		if inCode {
			// Code is shown as written: tags and all, escaped, never removed.
			out = append(out, escape(line))
			continue
		}
		if rows, n := table(lines[i:]); n > 0 {
			out = append(out, rows...)
			i += n - 1
			continue
		}
		out = append(out, mrkdwnLine(line))
	}
	if inCode {
		out = append(out, "```")
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n ")
}

var (
	headingRe  = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)
	bulletRe   = regexp.MustCompile(`^(\s*)[-*+]\s+(.*)$`)
	orderedRe  = regexp.MustCompile(`^(\s*)(\d{1,9})[.)]\s+(.*)$`)
	quoteRe    = regexp.MustCompile(`^\s{0,3}>\s?(.*)$`)
	ruleRe     = regexp.MustCompile(`^\s{0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$`)
	boldOnlyRe = regexp.MustCompile(`^\*+|\*+$`)
)

// delimRowRe is a table's second line: | --- | :---: | ---: |
var delimRowRe = regexp.MustCompile(`^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// table renders a Markdown table at the start of lines, if there is one,
// and says how many lines it took. Slack has no tables, so each row
// becomes one bulleted line, "• *Header*: value · *Header*: value". That
// reads better in Slack than a preformatted grid: a grid only lines up
// while every character is one column wide (emoji and CJK are not), it
// wraps into a jumble on a phone, and a code block would show a cell's
// links and emphasis as raw markup.
func table(lines []string) ([]string, int) {
	if len(lines) < 2 || !strings.Contains(lines[0], "|") ||
		!strings.Contains(lines[1], "|") || !delimRowRe.MatchString(lines[1]) {
		return nil, 0
	}
	header := tableCells(lines[0])
	if len(header) != len(tableCells(lines[1])) {
		return nil, 0
	}
	for i, h := range header {
		header[i] = boldText(h)
	}
	n := 2
	var out []string
	for ; n < len(lines); n++ {
		row := lines[n]
		if strings.TrimSpace(row) == "" || !strings.Contains(row, "|") || strings.HasPrefix(strings.TrimSpace(row), "```") {
			break
		}
		var parts []string
		for k, cell := range tableCells(row) {
			cell = strings.TrimSpace(cell)
			switch {
			case cell == "":
			case k < len(header) && header[k] != "":
				parts = append(parts, "*"+header[k]+"*: "+inline(cell))
			default:
				parts = append(parts, inline(cell))
			}
		}
		if len(parts) > 0 {
			out = append(out, "• "+strings.Join(parts, " · "))
		}
	}
	if len(out) == 0 { // a header alone still says what the table was about
		var names []string
		for _, h := range header {
			if h != "" {
				names = append(names, "*"+h+"*")
			}
		}
		out = append(out, strings.Join(names, " · "))
	}
	return out, n
}

// tableCells splits a table row on the pipes that are not escaped (\|)
// and not inside `code`; the outer pipes are optional.
func tableCells(row string) []string {
	row = strings.TrimSpace(row)
	row = strings.TrimPrefix(row, "|")
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, `\|`) {
		row = row[:len(row)-1]
	}
	var cells []string
	var cur strings.Builder
	inCode := false
	for i := 0; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			cur.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// boldText converts text for a bold span: its own bold markers would nest.
func boldText(s string) string {
	return boldOnlyRe.ReplaceAllString(strings.TrimSpace(inline(stripBold(s))), "")
}

func mrkdwnLine(line string) string {
	if ruleRe.MatchString(line) {
		return "──────────"
	}
	if m := headingRe.FindStringSubmatch(line); m != nil {
		// A heading is one bold line; bold inside it would nest.
		t := boldText(m[1])
		if t == "" {
			return ""
		}
		return "*" + t + "*"
	}
	if m := quoteRe.FindStringSubmatch(line); m != nil {
		return "> " + inline(m[1])
	}
	if m := bulletRe.FindStringSubmatch(line); m != nil {
		return indent(m[1]) + "• " + inline(m[2])
	}
	if m := orderedRe.FindStringSubmatch(line); m != nil {
		return indent(m[1]) + m[2] + ". " + inline(m[3])
	}
	return inline(line)
}

func stripBold(s string) string {
	return strings.NewReplacer("**", "", "__", "").Replace(s)
}

// indent turns Markdown list nesting into Slack-visible indentation.
func indent(ws string) string {
	n := len(strings.ReplaceAll(ws, "\t", "    ")) / 2
	return strings.Repeat("    ", min(n, 4))
}

// inline converts the spans of one line.
func inline(s string) string {
	var b strings.Builder
	// Plain text is escaped a run at a time, so escape sees whole words
	// such as "@here".
	plainFrom := 0
	for i := 0; i < len(s); {
		if out, n, ok := inlineSpan(s, i); ok {
			b.WriteString(escape(s[plainFrom:i]))
			b.WriteString(out)
			i += n
			plainFrom = i
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	b.WriteString(escape(s[plainFrom:]))
	return b.String()
}

// inlineSpan converts the span starting at s[i:], if one does: code, a
// link, or emphasis. n is the length of Markdown it consumed.
func inlineSpan(s string, i int) (out string, n int, ok bool) {
	rest := s[i:]
	switch {
	case rest[0] == '`':
		if j := strings.IndexByte(rest[1:], '`'); j >= 0 {
			return "`" + escape(rest[1:1+j]) + "`", j + 2, true
		}
	case rest[0] == '[':
		if text, target, n, ok := mdLink(rest); ok {
			if l, ok := link(target, plainSpans(text)); ok {
				return l, n, true
			}
			return inline(text), n, true
		}
	case rest[0] == '<':
		// Markdown autolink <https://…>
		if j := strings.IndexByte(rest, '>'); j > 0 && !strings.ContainsAny(rest[1:j], " <") {
			if l, ok := link(rest[1:j], ""); ok {
				return l, j + 1, true
			}
		}
	case strings.HasPrefix(rest, "**") || strings.HasPrefix(rest, "__"):
		if inner, n, ok := span(rest, rest[:2], s, i); ok {
			return "*" + inline(inner) + "*", n, true
		}
	case strings.HasPrefix(rest, "~~"):
		if inner, n, ok := span(rest, "~~", s, i); ok {
			return "~" + inline(inner) + "~", n, true
		}
	case rest[0] == '*' || rest[0] == '_':
		if inner, n, ok := span(rest, rest[:1], s, i); ok {
			return "_" + inline(inner) + "_", n, true
		}
	}
	return "", 0, false
}

// span finds a run delimited by marker at the start of rest, following
// CommonMark's flanking idea loosely: the opener is followed by a non-space,
// the closer preceded by one, and "_" does not open inside a word
// (snake_case stays as it is). It returns the inner text and the length
// consumed.
func span(rest, marker, line string, at int) (string, int, bool) {
	m := len(marker)
	if len(rest) <= 2*m {
		return "", 0, false
	}
	if first, _ := utf8.DecodeRuneInString(rest[m:]); unicode.IsSpace(first) {
		return "", 0, false
	}
	if marker[0] == '_' && at > 0 {
		if prev, _ := utf8.DecodeLastRuneInString(line[:at]); unicode.IsLetter(prev) || unicode.IsDigit(prev) {
			return "", 0, false
		}
	}
	for j := m + 1; j+m <= len(rest); j++ {
		if rest[j:j+m] != marker {
			continue
		}
		if m == 1 && j+1 < len(rest) && rest[j+1] == marker[0] {
			j++ // part of a double marker: not our closer
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(rest[:j])
		if unicode.IsSpace(last) {
			continue
		}
		if marker[0] == '_' && j+m < len(rest) {
			if next, _ := utf8.DecodeRuneInString(rest[j+m:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
				continue
			}
		}
		return rest[m:j], j + m, true
	}
	return "", 0, false
}

// mdLink parses [text](target) at the start of s.
func mdLink(s string) (text, target string, n int, ok bool) {
	depth := 0
	end := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				end = i
			}
		}
		if end >= 0 {
			break
		}
	}
	if end < 1 || end+1 >= len(s) || s[end+1] != '(' {
		return "", "", 0, false
	}
	paren := 0
	for j := end + 2; j < len(s); j++ {
		switch s[j] {
		case '(':
			paren++
		case ')':
			if paren == 0 {
				target = strings.TrimSpace(s[end+2 : j])
				// [text](url "title"): drop the title.
				if k := strings.IndexAny(target, " \t"); k > 0 {
					target = target[:k]
				}
				target = strings.Trim(target, "<>")
				return s[1:end], target, j + 1, target != ""
			}
			paren--
		case ' ':
			if j == end+2 {
				return "", "", 0, false
			}
		}
	}
	return "", "", 0, false
}

// plainSpans removes emphasis markers from link text, which Slack does not
// format inside a link anyway.
func plainSpans(s string) string {
	return strings.NewReplacer("**", "", "__", "", "`", "", "~~", "").Replace(s)
}

// truncateRunes shortens raw (not yet escaped) text to n runes.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}
