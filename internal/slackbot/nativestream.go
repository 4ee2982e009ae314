package slackbot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
)

// Native streaming: the answer is written into one message with
// chat.startStream / appendStream / stopStream as the model writes it, in
// standard Markdown (markdown_text), with the steps shown as task updates
// and, at the stop, the sources and Slack's feedback buttons. Where a
// workspace refuses the methods, the bot draws with chat.update instead
// (stream.go), and remembers that for the workspace.

const (
	// streamBuffer is how much text is gathered before an append: Slack's
	// SDKs buffer 256 characters; fewer, larger calls stay within
	// appendStream's rate limit with several answers streaming at once.
	streamBuffer = 300
	// minAppendGap is the least time between appends of one stream.
	minAppendGap = 250 * time.Millisecond
	// maxAppendBytes bounds one call's markdown_text. Slack allows 12,000
	// characters; counting bytes after sanitizing is never below however
	// Slack counts, and a smaller call is retried cheaper after a 429.
	maxAppendBytes = 4000
	// maxStreamBytes is what one streamed message may hold before the
	// answer continues in a new one (Slack caps a message's markdown at
	// 12,000 characters; bytes keep emoji and CJK safe).
	maxStreamBytes = 11000
	// actionFeedback is the action id of the feedback buttons element; its
	// values say the vote and the answer ("up:42").
	actionFeedback = "answer_feedback"
)

// streamSupport remembers, per workspace (team id), that Slack refused the
// streaming methods, so each workspace is asked once.
type streamSupport struct {
	mu      sync.Mutex
	refused map[string]string // team -> the error Slack gave
	noTasks map[string]bool   // team -> task chunks refused
}

func (s *streamSupport) refusedFor(team string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	code, ok := s.refused[team]
	return code, ok
}

func (s *streamSupport) refuse(team, code string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.refused == nil {
		s.refused = map[string]string{}
	}
	s.refused[team] = code
}

func (s *streamSupport) tasksOK(team string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return !s.noTasks[team]
}

func (s *streamSupport) refuseTasks(team string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.noTasks == nil {
		s.noTasks = map[string]bool{}
	}
	s.noTasks[team] = true
}

// workspaceRefusals are the answers that say the workspace (or the API
// behind SLACK_API_URL) does not stream at all: remembered for the team.
// Other failures (a channel type, a recipient) fall back for one answer.
var workspaceRefusals = map[string]bool{
	"unknown_method": true, "method_not_supported": true, "not_allowed": true, "not_allowed_token_type": true,
	"feature_not_enabled": true, "method_deprecated": true, "missing_scope": true, "not_enabled": true,
}

// streamRefusal reads a streaming method's failure: its code, and whether
// it refuses streaming for the whole workspace.
func streamRefusal(err error) (string, bool) {
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		return se.Err, workspaceRefusals[se.Err]
	}
	var sc slack.StatusCodeError
	if errors.As(err, &sc) {
		return fmt.Sprintf("HTTP %d", sc.Code), sc.Code == 404 || sc.Code == 410
	}
	return slackErrorCode(err), false
}

// nativeStream is one answer being streamed, possibly over several
// messages when it outgrows one.
type nativeStream struct {
	b     *Bot
	ctx   context.Context
	q     question
	team  string
	tasks bool   // task updates are shown
	title string // the first step's title
	wait  time.Duration

	mu      sync.Mutex
	latest  string              // the newest partial text, raw Markdown
	chunks  []slack.StreamChunk // task updates not yet sent
	phase   brief.StepKind      // the step shown in progress
	sources int                 // documents being read, from the read step

	// Owned by the loop until finish, then by the caller.
	sent     string   // raw text appended so far, over all messages
	msgStart int      // where in sent the current message began
	msgBytes int      // sanitized bytes in the current message
	msgs     []string // ts of each streamed message, in order
	diverged bool     // a partial no longer extends what was sent
	broken   bool     // an append failed: the rest is posted another way
	last     time.Time

	wake, stop, done chan struct{}
}

// startNative starts a streamed message for q, or returns nil when this
// answer is drawn with chat.update: no model (the answer comes at once),
// or the workspace refused streaming now or before.
func (b *Bot) startNative(ctx context.Context, q question) *nativeStream {
	if !b.hasModel {
		return nil
	}
	team := q.team
	if team == "" {
		team = b.teamID
	}
	if _, refused := b.streams.refusedFor(team); refused {
		return nil
	}
	s := &nativeStream{b: b, ctx: ctx, q: q, team: team, tasks: b.streams.tasksOK(team), wait: b.opt.StreamInterval,
		phase: brief.StepSearch, wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	if s.wait <= 0 {
		s.wait = defaultStreamInterval
	}
	var chunks []slack.StreamChunk
	if s.tasks {
		s.title = searchTitle(ctx, b.opt.Store)
		chunks = []slack.StreamChunk{taskUpdate("search", s.title, slack.TaskCardStatusInProgress)}
	}
	ts, err := s.open(chunks)
	if err != nil && s.tasks {
		if code, whole := streamRefusal(err); !whole && (code == "invalid_chunks" || code == "invalid_arguments") {
			// A workspace that streams text but not task cards.
			b.streams.refuseTasks(team)
			s.tasks = false
			ts, err = s.open(nil)
		}
	}
	if err != nil {
		code, whole := streamRefusal(err)
		if whole {
			b.streams.refuse(team, code)
			b.log.Info("Slack refused native streaming for this workspace: answers are drawn with chat.update", q.logArgs("team", team, "err", code)...)
		} else {
			b.log.Warn("streamed message not started: drawing this answer with chat.update", q.logArgs("team", team, "err", err)...)
		}
		return nil
	}
	s.msgs = []string{ts}
	go s.loop()
	return s
}

// open starts a streamed message where the answer goes.
func (s *nativeStream) open(chunks []slack.StreamChunk) (string, error) {
	opts := []slack.MsgOption{}
	if s.q.threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(s.q.threadTS))
	}
	if !strings.HasPrefix(s.q.channel, "D") {
		// Outside a DM Slack streams to one reader: the asker.
		opts = append(opts, slack.MsgOptionRecipientUserID(s.q.user), slack.MsgOptionRecipientTeamID(s.team))
	}
	if len(chunks) > 0 {
		opts = append(opts, slack.MsgOptionTaskDisplayMode(slack.TaskDisplayModePlan), slack.MsgOptionChunks(chunks...))
	}
	_, ts, err := s.b.api.StartStreamContext(s.ctx, s.q.channel, opts...)
	if err != nil {
		s.b.metrics.apiErrors.WithLabelValues("chat.startStream").Inc()
		return "", fmt.Errorf("chat.startStream: %w", err)
	}
	return ts, nil
}

// taskUpdate is a task update chunk; its title is ours, made inert anyway.
func taskUpdate(id, title string, status slack.TaskCardStatus) slack.StreamChunk {
	c := slack.NewTaskUpdateChunk(id, sanitizePlain(title))
	c.Status = status
	return c
}

// searchTitle names the first step with the store's size when it can say
// it cheaply ("Searching 12,400 passages"). The stream opens with it, before
// the answerer starts; the answerer's own search step may then correct it.
func searchTitle(ctx context.Context, st Store) string {
	return passagesTitle(brief.PassageCount(ctx, st))
}

func passagesTitle(n int) string {
	if n <= 0 {
		return "Searching the sources"
	}
	return "Searching " + thousands(n) + " " + plural(n, "passage", "passages")
}

// readTitle is the reading step: "Reading 6 sources", "Read 6 sources".
func readTitle(verb string, sources int) string {
	if sources <= 0 {
		return verb + " the sources"
	}
	return fmt.Sprintf("%s %d %s", verb, sources, plural(sources, "source", "sources"))
}

// onStep takes a step of the answer (brief.Request.OnStep) as task
// updates, sent by the loop ahead of any text; it never blocks the
// answerer. Steps only move forward: a step at or behind the one shown is
// dropped (the model's retry writes again).
func (s *nativeStream) onStep(st brief.Step) {
	if !s.tasks {
		return
	}
	s.mu.Lock()
	switch st.Kind {
	case brief.StepSearch:
		if t := passagesTitle(st.Passages); s.phase == brief.StepSearch && st.Passages > 0 && t != s.title {
			s.title = t
			s.chunks = append(s.chunks, taskUpdate("search", t, slack.TaskCardStatusInProgress))
		}
	case brief.StepRead:
		if s.phase == brief.StepSearch {
			s.phase, s.sources = brief.StepRead, st.Sources
			s.chunks = append(s.chunks, taskUpdate("search", s.title, slack.TaskCardStatusComplete),
				taskUpdate("read", readTitle("Reading", st.Sources), slack.TaskCardStatusInProgress))
		}
	case brief.StepWrite:
		s.toWritingLocked()
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// toWritingLocked queues the step to writing: the earlier steps complete
// (both at once for an answerer that reports no steps), "Writing" shown.
func (s *nativeStream) toWritingLocked() {
	switch s.phase {
	case brief.StepWrite:
		return
	case brief.StepSearch:
		s.chunks = append(s.chunks, taskUpdate("search", s.title, slack.TaskCardStatusComplete))
	}
	s.chunks = append(s.chunks, taskUpdate("read", readTitle("Read", s.sources), slack.TaskCardStatusComplete),
		taskUpdate("write", "Writing", slack.TaskCardStatusInProgress))
	s.phase = brief.StepWrite
}

// takeChunks returns the task updates waiting to be sent.
func (s *nativeStream) takeChunks() []slack.StreamChunk {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.chunks
	s.chunks = nil
	return c
}

// thousands writes n with comma separators: 12400 -> "12,400".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// partial takes the answer so far; it never blocks the model's stream.
func (s *nativeStream) partial(text string) {
	s.mu.Lock()
	s.latest = text
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// loop appends settled text: the first at once (readers see the answer
// begin within a round trip of the model's first words), then a few
// hundred bytes at a time, or whatever is waiting once the interval passes.
func (s *nativeStream) loop() {
	defer close(s.done)
	for {
		var timer <-chan time.Time
		var t *time.Timer
		if d := s.dueIn(); d > 0 {
			t = time.NewTimer(d)
			timer = t.C
		}
		select {
		case <-s.stop:
		case <-s.wake:
		case <-timer:
		}
		if t != nil {
			t.Stop()
		}
		select {
		case <-s.stop:
			return
		default:
		}
		if !s.step() {
			continue
		}
		gap := time.NewTimer(minAppendGap)
		select {
		case <-s.stop:
			gap.Stop()
			return
		case <-gap.C:
		}
	}
}

// pending is the settled text not yet sent ("" when the stream cannot take
// more).
func (s *nativeStream) pending() string {
	if s.broken || s.diverged {
		return ""
	}
	s.mu.Lock()
	latest := s.latest
	s.mu.Unlock()
	if !strings.HasPrefix(latest, s.sent) {
		// The answer so far was rewritten (a marker renumbered, a line
		// withdrawn): what was sent cannot be taken back, so the final
		// answer replaces the message.
		s.diverged = true
		return ""
	}
	done := settled(latest)
	if s.sent == "" && done == "" && !strings.ContainsAny(latest, "&<>@") {
		// The first word, before a space settles it: shown at once, since
		// nothing in it can combine with what follows into markup.
		done = latest
	}
	if len(done) < len(s.sent) {
		return ""
	}
	return done[len(s.sent):]
}

// dueIn is how long until waiting text is sent anyway (0: nothing waits).
func (s *nativeStream) dueIn() time.Duration {
	if s.sent == "" || s.pendingLen() == 0 {
		return 0
	}
	return max(time.Until(s.last.Add(s.wait)), time.Millisecond)
}

func (s *nativeStream) pendingLen() int {
	s.mu.Lock()
	latest := s.latest
	s.mu.Unlock()
	if s.broken || s.diverged || !strings.HasPrefix(latest, s.sent) {
		return 0
	}
	return max(len(settled(latest))-len(s.sent), 0)
}

// step appends what is due: task updates at once, then text; it reports
// whether it sent text (task updates are a few an answer and do not hold
// back the first words).
func (s *nativeStream) step() bool {
	if !s.broken {
		if c := s.takeChunks(); len(c) > 0 {
			s.appendChunks(c...)
		}
	}
	p := s.pending()
	if p == "" || (s.sent != "" && len(p) < streamBuffer && time.Since(s.last) < s.wait) {
		return false
	}
	if s.tasks {
		s.mu.Lock()
		s.toWritingLocked()
		s.mu.Unlock()
		if c := s.takeChunks(); len(c) > 0 {
			s.appendChunks(c...)
		}
	}
	if err := s.appendText(p); err != nil {
		s.broken = true
		s.b.log.Warn("streamed append failed: the answer will be posted in full", s.q.logArgs("err", err)...)
	}
	return true
}

// settled is the part of a growing text that will not change as the model
// goes on: up to the last whitespace outside a "<…>" link or a Markdown
// [text](url) link, so a word, an entity, a broadcast word or a link is
// never split between appends (each append is sanitized, and its links
// checked, on its own).
func settled(t string) string {
	cut := strings.LastIndexAny(t, " \n\t") + 1
	for cut > 0 {
		head := t[:cut]
		if lt := strings.LastIndexByte(head, '<'); lt >= 0 && !strings.Contains(head[lt:], ">") {
			cut = strings.LastIndexAny(t[:lt], " \n\t") + 1
			continue
		}
		if lb := openLink(head); lb >= 0 {
			cut = strings.LastIndexAny(t[:lb], " \n\t") + 1
			continue
		}
		break
	}
	return t[:cut]
}

// maxHeldLink is how far back an unfinished Markdown link holds text back:
// a "[" that never becomes a link must not stop the stream.
const maxHeldLink = 1000

// openLink is where a Markdown link that head has begun and not finished
// starts ("[text", "[text](http…"), or -1. A citation marker ("[1] ") is
// finished.
func openLink(head string) int {
	lb := strings.LastIndexByte(head, '[')
	if lb < 0 || len(head)-lb > maxHeldLink {
		return -1
	}
	rest := head[lb:]
	j := strings.IndexByte(rest, ']')
	switch {
	case j < 0:
		return lb
	case j+1 < len(rest) && rest[j+1] == '(' && !strings.Contains(rest[j+1:], ")"):
		return lb
	}
	return -1
}

// appendText sends raw text in pieces that fit one call and the current
// message, rolling over to a new message when it is full.
func (s *nativeStream) appendText(raw string) error {
	for raw != "" {
		room := min(maxAppendBytes, maxStreamBytes-s.msgBytes)
		piece, out := fitPiece(raw, room, strings.Count(s.sent, "```")%2 == 1)
		if piece == "" {
			if err := s.rollover(); err != nil {
				return err
			}
			continue
		}
		_, _, err := s.b.api.AppendStreamContext(s.ctx, s.q.channel, s.current(), slack.MsgOptionMarkdownText(out))
		if err != nil {
			if code, _ := streamRefusal(err); code == "msg_too_long" && s.msgBytes > 0 {
				// Slack counted the message fuller than we did.
				if err := s.rollover(); err != nil {
					return err
				}
				continue
			}
			s.b.metrics.apiErrors.WithLabelValues("chat.appendStream").Inc()
			return fmt.Errorf("chat.appendStream: %w", err)
		}
		s.sent += piece
		s.msgBytes += len(out)
		s.last = time.Now()
		raw = raw[len(piece):]
	}
	return nil
}

// fitPiece takes the longest start of raw, cut after whitespace when it
// can, whose sent form fits in room bytes: its links checked as a markdown
// block's are (inCode: raw begins inside a code block) and sanitized.
func fitPiece(raw string, room int, inCode bool) (piece, out string) {
	if room <= 0 {
		return "", ""
	}
	send := func(p string) string { return sanitizeMrkdwn(markdownPiece(p, inCode)) }
	if out = send(raw); len(out) <= room {
		return raw, out
	}
	n := min(len(raw), room)
	for n > 0 {
		for n > 0 && n < len(raw) && !utf8.RuneStart(raw[n]) {
			n--
		}
		cut := n
		if ws := strings.LastIndexAny(raw[:n], " \n\t"); ws > n/2 {
			cut = ws + 1
		}
		if c := settled(raw[:cut]); len(c) > cut/2 {
			cut = len(c)
		}
		piece = raw[:cut]
		if out = send(piece); len(out) <= room {
			return piece, out
		}
		n = cut * 3 / 4
	}
	return "", ""
}

// appendChunks sends task updates; a failure only loses the steps.
func (s *nativeStream) appendChunks(chunks ...slack.StreamChunk) {
	_, _, err := s.b.api.AppendStreamContext(s.ctx, s.q.channel, s.current(), slack.MsgOptionChunks(chunks...))
	if err != nil {
		s.b.log.Debug("task update not shown", s.q.logArgs("err", err)...)
	}
}

func (s *nativeStream) current() string { return s.msgs[len(s.msgs)-1] }

// rollover closes the full message (closing a code block it leaves open)
// and opens the next one in the same place, reopening the code block.
func (s *nativeStream) rollover() error {
	open := strings.Count(s.sent[s.msgStart:], "```")%2 == 1
	var opts []slack.MsgOption
	if open {
		opts = append(opts, slack.MsgOptionMarkdownText("\n```"))
	}
	if err := s.stopMessage(s.current(), opts...); err != nil {
		return err
	}
	ts, err := s.open(nil)
	if err != nil {
		return err
	}
	s.msgs = append(s.msgs, ts)
	s.msgStart, s.msgBytes = len(s.sent), 0
	if open {
		_, _, err := s.b.api.AppendStreamContext(s.ctx, s.q.channel, ts, slack.MsgOptionMarkdownText("```\n"))
		if err != nil {
			return fmt.Errorf("chat.appendStream: %w", err)
		}
		s.msgBytes = 4
	}
	return nil
}

// stopMessage stops one streamed message; opts carry its last text,
// chunks and blocks, already sanitized.
func (s *nativeStream) stopMessage(ts string, opts ...slack.MsgOption) error {
	_, _, err := s.b.api.StopStreamContext(s.ctx, s.q.channel, ts, opts...)
	if err != nil {
		s.b.metrics.apiErrors.WithLabelValues("chat.stopStream").Inc()
		return fmt.Errorf("chat.stopStream: %w", err)
	}
	return nil
}

// finish stops appending and returns the first streamed message's ts.
func (s *nativeStream) finish() string {
	close(s.stop)
	<-s.done
	return s.msgs[0]
}

// deliverAnswer ends the stream with the final answer: the text the
// partials did not yet show, then the sources and feedback buttons. When
// the final answer is not what was streamed (another mode, a rewritten
// text) or the stream broke, the messages are stopped and replaced.
func (s *nativeStream) deliverAnswer(ctx context.Context, ans brief.Answer, id int64) error {
	s.ctx = ctx
	text := ans.Text
	if s.broken || s.diverged || ans.Mode != brief.ModeLLM || strings.TrimSpace(text) == "" || !strings.HasPrefix(text, s.sent) {
		return s.replace(ctx, renderAnswer(ans, answerView{ID: id, Markdown: true}))
	}
	if err := s.appendText(text[len(s.sent):]); err != nil {
		s.b.log.Warn("streamed answer cut short: replacing it", s.q.logArgs("err", err)...)
		return s.replace(ctx, renderAnswer(ans, answerView{ID: id, Markdown: true}))
	}
	tail := answerTail(ans, answerView{ID: id, Feedback: true})
	opts := []slack.MsgOption{slack.MsgOptionBlocks(sanitizeBlocks(tail)...)}
	if s.tasks {
		// The loop has stopped: what it did not send goes with the stop.
		s.mu.Lock()
		if s.sources == 0 {
			// An answerer that reports no steps: the sources it cites.
			s.sources = len(ans.Citations)
		}
		s.toWritingLocked()
		s.mu.Unlock()
		chunks := append(s.takeChunks(), taskUpdate("write", "Written", slack.TaskCardStatusComplete))
		opts = append(opts, slack.MsgOptionChunks(chunks...))
	}
	err := s.stopMessage(s.current(), opts...)
	if err == nil {
		return nil
	}
	// The stop with the sources was refused: stop plainly and post the
	// sources and our buttons after the answer.
	s.b.log.Warn("stream stop with sources refused: posting them after it", s.q.logArgs("err", err)...)
	if err := s.stopMessage(s.current()); err != nil {
		return err
	}
	_, err = s.b.postOne(ctx, s.q.channel, s.q.threadTS, Message{Text: "Sources", Blocks: answerTail(ans, answerView{ID: id})})
	return err
}

// replace stops the streamed messages and puts msgs in their place: the
// first message is updated, any rolled-over ones removed.
func (s *nativeStream) replace(ctx context.Context, msgs []Message) error {
	s.ctx = ctx
	// Earlier messages were stopped when the answer rolled over.
	if err := s.stopMessage(s.current()); err != nil {
		// The update below still tells whether the message can be used.
		s.b.log.Debug("stream stop before replacing", s.q.logArgs("err", err)...)
	}
	for _, ts := range s.msgs[1:] {
		if _, _, err := s.b.api.DeleteMessageContext(ctx, s.q.channel, ts); err != nil {
			s.b.log.Warn("rolled-over streamed message not removed", s.q.logArgs("err", err)...)
		}
	}
	return s.b.deliver(ctx, s.q, s.msgs[0], msgs)
}

// feedbackBlock is Slack's feedback buttons element for answer id.
func feedbackBlock(id int64) slack.Block {
	v := strconv.FormatInt(id, 10)
	up := slack.NewFeedbackButton(slack.NewTextBlockObject(slack.PlainTextType, "Helpful", false, false), "up:"+v).
		WithAccessibilityLabel("Mark this answer as helpful")
	down := slack.NewFeedbackButton(slack.NewTextBlockObject(slack.PlainTextType, "Not helpful", false, false), "down:"+v).
		WithAccessibilityLabel("Mark this answer as not helpful")
	return slack.NewContextActionsBlock("answer_feedback", slack.NewFeedbackButtonsBlockElement(actionFeedback, up, down))
}

// feedbackChoice reads a feedback buttons value ("up:42") as the vote and
// the answer id, stored as the other buttons' votes are.
func feedbackChoice(value string) (vote, id string, ok bool) {
	vote, id, ok = strings.Cut(value, ":")
	if !ok || (vote != "up" && vote != "down") {
		return "", "", false
	}
	if _, err := strconv.ParseInt(id, 10, 64); err != nil {
		return "", "", false
	}
	return vote, id, true
}
