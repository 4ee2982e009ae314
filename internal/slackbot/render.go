package slackbot

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
)

// Message is one Slack message: blocks and the fallback text that
// notifications and old clients show.
type Message struct {
	Text   string
	Blocks []slack.Block
}

// Block Kit limits the renderer keeps to (Slack refuses a message over any).
const (
	maxBlocks = 50
	// maxSectionText is the most a section's text may hold, in UTF-8
	// bytes. Slack says 3,000 "characters" but may count UTF-16 units (an
	// emoji is two, a flag or family emoji many more) or bytes; a byte
	// count is never below either, so text under it fits however Slack
	// counts, and the 100 spare cover what the edge sanitizer may add.
	maxSectionText = 2900
	maxHeaderText  = 150
	// maxBodyChars keeps one message readable and well under Slack's
	// message size limits; longer answers continue in another message.
	maxBodyChars = 12000
	maxQuote     = 280
	maxTitle     = 200
	// fallbackLen is long enough that a thread's history (read back from
	// the messages' text) carries the answer, not just its start.
	fallbackLen = 2000
)

// Action ids of the buttons under an answer.
const (
	actionUp    = "feedback_up"
	actionDown  = "feedback_down"
	actionShare = "share_answer"
)

// answerView says how to show an answer.
type answerView struct {
	ID       int64  // the recorded answer: feedback buttons carry it; 0 shows none
	Share    bool   // offer "Share in channel" (ephemeral slash command answers)
	Question string // shown above the answer when set (a shared answer)
	// Feedback shows Slack's feedback buttons element (a context_actions
	// block) instead of our buttons: the surface is a streamed AI-app
	// message, where Slack draws it as the assistant's thumbs.
	Feedback bool
	// Markdown puts the answer's text in markdown blocks, as the answerer
	// wrote it, instead of converted mrkdwn sections: for messages posted
	// and updated through the Web API (markdown.go says which and why).
	Markdown bool
}

// mrkdwnText is a section or context text object. verbatim stops Slack from
// auto-linking names and URLs in text we did not build.
func mrkdwnText(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}

func section(s string) *slack.SectionBlock { return slack.NewSectionBlock(mrkdwnText(s), nil, nil) }

func contextLine(s string) *slack.ContextBlock { return slack.NewContextBlock("", mrkdwnText(s)) }

// renderAnswer lays an answer out as one or more messages: label, text
// (split over sections, and over messages when very long), then in the
// last message the sources, the "as of" line and the buttons.
func renderAnswer(a brief.Answer, v answerView) []Message {
	var body []slack.Block
	if label := modeLabel(a.Mode, a.Note); label != "" {
		body = append(body, contextLine(label))
	}
	if v.Question != "" {
		body = append(body, section("*Q:* "+escape(truncateRunes(oneLine(v.Question), 500))))
	}
	if a.ReadAs != "" {
		body = append(body, contextLine("Read as: "+escape(truncateRunes(oneLine(a.ReadAs), 500))))
	}
	text := mrkdwn(a.Text)
	if strings.TrimSpace(text) == "" {
		text = "I could not find this in the sources."
	}
	if md := markdownText(a.Text); v.Markdown && strings.TrimSpace(md) != "" {
		// Cut like mrkdwn: at a paragraph, line or word, code fences
		// closed and reopened.
		for _, part := range splitMrkdwn(md, maxMarkdownBytes) {
			body = append(body, markdownBlock(part))
		}
	} else {
		for _, part := range splitMrkdwn(text, maxSectionText) {
			body = append(body, section(part))
		}
	}
	if a.Mode == brief.ModeAbstained && len(a.Suggestions) > 0 {
		lines := []string{"*You could ask instead:*"}
		for _, s := range a.Suggestions {
			lines = append(lines, "• "+escape(truncateRunes(oneLine(s), 300)))
		}
		for _, part := range splitMrkdwn(strings.Join(lines, "\n"), maxSectionText) {
			body = append(body, section(part))
		}
	}

	msgs := packMessages(body, answerTail(a, v))
	msgs[0].Text = fallback(a.Mode, text)
	for i := 1; i < len(msgs); i++ {
		msgs[i].Text = fmt.Sprintf("(answer continued, part %d of %d)", i+1, len(msgs))
	}
	return msgs
}

// answerTail is what closes an answer: the sources, the "as of" line and
// the feedback controls (Slack's feedback buttons element where the surface
// shows it, else our own buttons).
func answerTail(a brief.Answer, v answerView) []slack.Block {
	var tail []slack.Block
	if len(a.Citations) > 0 {
		tail = append(tail, slack.NewDividerBlock())
		lines := []string{"*Sources*"}
		for _, c := range a.Citations {
			lines = append(lines, citationLine(c, true))
		}
		for _, part := range packLines(lines, maxSectionText) {
			tail = append(tail, section(part))
		}
	}
	tail = append(tail, contextLine(asOfLine(a)))
	if v.Feedback && v.ID > 0 && !v.Share {
		return append(tail, feedbackBlock(v.ID))
	}
	if buttons := answerButtons(v); len(buttons) > 0 {
		tail = append(tail, slack.NewActionBlock("answer_actions", buttons...))
	}
	return tail
}

func answerButtons(v answerView) []slack.BlockElement {
	var out []slack.BlockElement
	if v.ID > 0 {
		id := strconv.FormatInt(v.ID, 10)
		out = append(out,
			slack.NewButtonBlockElement(actionUp, id, slack.NewTextBlockObject(slack.PlainTextType, "👍 Helpful", true, false)),
			slack.NewButtonBlockElement(actionDown, id, slack.NewTextBlockObject(slack.PlainTextType, "👎 Not helpful", true, false)),
		)
		if v.Share {
			out = append(out, slack.NewButtonBlockElement(actionShare, id,
				slack.NewTextBlockObject(slack.PlainTextType, "Share in channel", false, false)).WithStyle(slack.StylePrimary))
		}
	}
	return out
}

func modeLabel(m brief.Mode, note string) string {
	var label string
	switch m {
	case brief.ModeExtractive:
		label = ":information_source: *Quoted from the sources* (no language model wrote this)"
	case brief.ModeAbstained:
		label = ":grey_question: *Not answered:* the sources do not say"
	default:
		return ""
	}
	if note = strings.TrimSpace(note); note != "" {
		label += " — " + escape(truncateRunes(oneLine(note), 500))
	}
	return label
}

func asOfLine(a brief.Answer) string {
	var parts []string
	if a.AsOf != nil && !a.AsOf.IsZero() {
		parts = append(parts, "As of "+a.AsOf.UTC().Format("2 Jan 2006"))
	} else if len(a.Citations) > 0 {
		parts = append(parts, "Source dates unknown")
	}
	switch a.Mode {
	case brief.ModeLLM:
		parts = append(parts, "written by a language model from the sources; check them")
	case brief.ModeExtractive:
		parts = append(parts, "quoted, not summarised")
	}
	if len(parts) == 0 {
		return "Answered from the bot's sources"
	}
	return strings.Join(parts, " · ")
}

// citationLine is "*[n]* <url|title> — publisher, date" and, when asked,
// the supporting quote on its own quote line.
func citationLine(c brief.Citation, withQuote bool) string {
	title := truncateRunes(oneLine(c.Title), maxTitle)
	if title == "" {
		title = "untitled"
	}
	ref, ok := link(c.URL, title)
	if !ok {
		ref = escape(title)
	}
	line := fmt.Sprintf("*[%d]* %s", c.N, ref)
	var meta []string
	if s := strings.TrimSpace(c.Source); s != "" {
		meta = append(meta, escape(truncateRunes(oneLine(s), 100)))
	}
	if c.Published != nil && !c.Published.IsZero() {
		meta = append(meta, c.Published.UTC().Format("2 Jan 2006"))
	}
	if len(meta) > 0 {
		line += " — " + strings.Join(meta, ", ")
	}
	if q := strings.TrimSpace(oneLine(c.Quote)); withQuote && q != "" {
		line += "\n> " + escape(truncateRunes(q, maxQuote))
	}
	return line
}

var spaceRe = regexp.MustCompile(`\s+`)

func oneLine(s string) string { return strings.TrimSpace(spaceRe.ReplaceAllString(s, " ")) }

// fallback is the notification text: a label and the start of the answer.
func fallback(m brief.Mode, text string) string {
	prefix := ""
	switch m {
	case brief.ModeExtractive:
		prefix = "(quoted from the sources) "
	case brief.ModeAbstained:
		prefix = "(not answered) "
	}
	first := splitMrkdwn(text, fallbackLen)
	s := prefix + first[0]
	if len(first) > 1 {
		s += " …"
	}
	return s
}

// packMessages fills messages with body blocks, keeping tail together in
// the last message so the sources and buttons are never cut off.
func packMessages(body, tail []slack.Block) []Message {
	var msgs []Message
	var cur []slack.Block
	chars, md := 0, 0
	for _, b := range body {
		n := blockChars(b)
		m := 0
		if mb, ok := b.(*slack.MarkdownBlock); ok {
			m = len(mb.Text) // Slack caps a message's markdown blocks together
		}
		if len(cur) > 0 && (len(cur)+1 > maxBlocks || chars+n > maxBodyChars || md+m > maxMarkdownBytes) {
			msgs = append(msgs, Message{Blocks: cur})
			cur, chars, md = nil, 0, 0
		}
		cur = append(cur, b)
		chars += n
		md += m
	}
	if len(cur) > 0 && len(cur)+len(tail) > maxBlocks {
		msgs = append(msgs, Message{Blocks: cur})
		cur = nil
	}
	cur = append(cur, tail...)
	return append(msgs, Message{Blocks: cur})
}

func blockChars(b slack.Block) int {
	switch t := b.(type) {
	case *slack.SectionBlock:
		if t.Text != nil {
			return utf8.RuneCountInString(t.Text.Text)
		}
	case *slack.MarkdownBlock:
		return utf8.RuneCountInString(t.Text)
	}
	return 0
}

// packLines joins lines into pieces of at most n bytes (a longer line is
// split on its own).
func packLines(lines []string, n int) []string {
	var out []string
	cur := ""
	for _, l := range lines {
		switch {
		case cur == "":
			cur = l
		case len(cur)+1+len(l) <= n:
			cur += "\n" + l
		default:
			out = append(out, cur)
			cur = l
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	var fitted []string
	for _, p := range out {
		fitted = append(fitted, splitMrkdwn(p, n)...)
	}
	return fitted
}

// splitMrkdwn cuts converted text into pieces of at most n bytes (see
// maxSectionText), at a paragraph, line or word boundary when there is
// one, never inside a link, an entity or a character (an emoji sequence
// stays whole), and closing and reopening a code block it cuts through.
func splitMrkdwn(s string, n int) []string {
	const fence = "```"
	var out []string
	for len(s) > n {
		limit := n - 2*len(fence) - 2 // room to close and reopen a fence
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		head := s[:cut]
		at := -1
		for _, sep := range []string{"\n\n", "\n", " "} {
			if i := strings.LastIndex(head, sep); i > limit/4 {
				at = i
				break
			}
		}
		if at < 0 {
			at = graphemeCut(s, cut)
		}
		at = safeCut(s, at)
		piece := strings.TrimRight(s[:at], " \n")
		rest := strings.TrimLeft(s[at:], " \n")
		if strings.Count(piece, fence)%2 == 1 {
			piece += "\n" + fence
			rest = fence + "\n" + rest
		}
		out = append(out, piece)
		s = rest
	}
	if s != "" || len(out) == 0 {
		out = append(out, s)
	}
	return out
}

// safeCut moves a cut back out of a "<…>" link or "&…;" entity it would
// split; it keeps the cut if that would leave nothing before it.
func safeCut(s string, at int) int {
	head := s[:at]
	if lt := strings.LastIndexByte(head, '<'); lt > 0 && !strings.Contains(head[lt:], ">") {
		at = lt
		head = s[:at]
	}
	if amp := strings.LastIndexByte(head, '&'); amp > 0 && at-amp < 6 && !strings.Contains(head[amp:], ";") {
		at = amp
	}
	if at == 0 {
		return byteIndexOfRune(s, 1)
	}
	return at
}

// graphemeCut moves a cut with no space to use back to the start of the
// character it would split: before a joiner, variation selector, skin
// tone or combining mark, and not right after a zero-width joiner. It
// keeps the cut when no such start is near.
func graphemeCut(s string, at int) int {
	for i, back := at, 0; i > 0 && back < 16; back++ {
		r, _ := utf8.DecodeRuneInString(s[i:])
		prev, size := utf8.DecodeLastRuneInString(s[:i])
		if !extendsPrevious(r) && prev != '\u200d' {
			return i
		}
		i -= size
	}
	return at
}

// extendsPrevious reports a rune that belongs to the character before it.
func extendsPrevious(r rune) bool {
	return r == '\u200d' || (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0x1f3fb && r <= 0x1f3ff) ||
		(r >= 0xe0020 && r <= 0xe007f) || unicode.In(r, unicode.Mn, unicode.Me)
}

// byteIndexOfRune is the byte offset of the n-th rune (len(s) if fewer).
func byteIndexOfRune(s string, n int) int {
	i := 0
	for range n {
		if i >= len(s) {
			return len(s)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// RenderDigest lays a digest out as one message: a header naming the
// period and its time zone, one section per story with its [n] cites, the
// numbered sources, and a label when it was made without a model.
func RenderDigest(d brief.Digest) Message {
	period := digestPeriod(d)
	var head []slack.Block
	head = append(head, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType,
		truncateRunes("Digest: "+period, maxHeaderText), true, false)))
	if d.Mode == brief.ModeExtractive {
		label := ":information_source: *Quoted from the sources* (no language model wrote this)"
		if note := strings.TrimSpace(d.Note); note != "" {
			label += " — " + escape(truncateRunes(oneLine(note), 500))
		}
		head = append(head, contextLine(label))
	}

	var items []slack.Block
	for _, it := range d.Items {
		text := "*" + escape(truncateRunes(oneLine(it.Headline), 300)) + "*"
		if sum := mrkdwn(it.Summary); sum != "" {
			text += "\n" + sum
		}
		if cites := missingCites(it); cites != "" {
			text += " " + cites
		}
		for _, part := range splitMrkdwn(text, maxSectionText) {
			items = append(items, section(part))
		}
	}
	if len(d.Items) == 0 {
		items = append(items, section("Nothing new entered the sources in this period."))
	}

	var tail []slack.Block
	if len(d.Citations) > 0 {
		tail = append(tail, slack.NewDividerBlock())
		lines := []string{"*Sources*"}
		for _, c := range d.Citations {
			lines = append(lines, citationLine(c, false))
		}
		for _, part := range packLines(lines, maxSectionText) {
			tail = append(tail, section(part))
		}
	}
	foot := fmt.Sprintf("%d %s from %d %s · ask in this thread to follow up",
		len(d.Items), plural(len(d.Items), "story", "stories"), len(d.Citations), plural(len(d.Citations), "source", "sources"))
	tail = append(tail, contextLine(foot))

	// Keep within 50 blocks: drop the last stories, saying so.
	if room := maxBlocks - len(head) - len(tail); len(items) > room {
		dropped := len(items) - (room - 1)
		items = append(items[:room-1], section(fmt.Sprintf("_…and %d more %s not shown._", dropped, plural(dropped, "section", "sections"))))
	}
	blocks := append(append(head, items...), tail...)
	return Message{
		Text:   fmt.Sprintf("Digest for %s: %d %s", period, len(d.Items), plural(len(d.Items), "story", "stories")),
		Blocks: blocks,
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

var citeRe = regexp.MustCompile(`\[(\d+)\]`)

// missingCites lists the item's cites its summary does not already show.
func missingCites(it brief.DigestItem) string {
	shown := map[string]bool{}
	for _, m := range citeRe.FindAllStringSubmatch(it.Summary, -1) {
		shown[m[1]] = true
	}
	var b strings.Builder
	for _, n := range it.Cites {
		if k := strconv.Itoa(n); !shown[k] {
			b.WriteString("[" + k + "]")
			shown[k] = true
		}
	}
	return b.String()
}

// digestPeriod names the period in the digest's time zone: "2–8 Mar 2026
// (Africa/Nairobi)". End is exclusive, so the last day shown is the one
// before it.
func digestPeriod(d brief.Digest) string {
	loc := time.UTC
	tz := d.TimeZone
	if tz == "" {
		tz = "UTC"
	} else if l, err := time.LoadLocation(tz); err == nil {
		loc = l
	}
	end := d.End.In(loc)
	last := end.Add(-time.Nanosecond)
	if d.Start.IsZero() {
		return fmt.Sprintf("up to %s (%s)", last.Format("2 Jan 2006"), tz)
	}
	start := d.Start.In(loc)
	var span string
	switch {
	case start.Year() != last.Year():
		span = start.Format("2 Jan 2006") + "–" + last.Format("2 Jan 2006")
	case start.Month() != last.Month():
		span = start.Format("2 Jan") + "–" + last.Format("2 Jan 2006")
	case start.Day() != last.Day():
		span = start.Format("2") + "–" + last.Format("2 Jan 2006")
	default:
		span = last.Format("2 Jan 2006")
	}
	return span + " (" + tz + ")"
}
