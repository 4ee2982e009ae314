package slackbot

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// reply is what the acknowledgement of a slash command carries: Slack
// shows it at once (HTTP response body, or the Socket Mode ack payload).
// The zero reply, a replayed command's, encodes as {}: nothing is shown.
type reply struct {
	ResponseType string        `json:"response_type,omitempty"`
	Text         string        `json:"text,omitempty"`
	Blocks       []slack.Block `json:"blocks,omitempty"`
}

func ephemeral(text string) reply {
	return reply{ResponseType: slack.ResponseTypeEphemeral, Text: text, Blocks: []slack.Block{section(text)}}
}

// command handles a slash command and returns the immediate reply; slow
// work goes to the pool and answers through the response_url. A command
// seen before (a replayed request, inside the signature's five minutes, to
// this replica or another) is claimed already and gets an empty reply.
func (b *Bot) command(ctx context.Context, cmd slack.SlashCommand) (reply, string) {
	if key := commandKey(cmd); key != "" {
		took, err := b.opt.Ledger.Claim(ctx, key, b.set.DedupeTTL)
		if err != nil {
			b.log.Error("command not claimed", "channel", cmd.ChannelID, "user", cmd.UserID, "err", err)
			return ephemeral("Sorry, something went wrong on my side. Please try again."), "error"
		}
		if !took {
			b.metrics.duplicates.WithLabelValues("command").Inc()
			b.log.Warn("replayed command ignored", "channel", cmd.ChannelID, "user", cmd.UserID)
			return reply{}, "duplicate"
		}
	}
	r, outcome := b.runCommand(ctx, cmd)
	r.Text, r.Blocks = sanitizeMrkdwn(r.Text), sanitizeBlocks(r.Blocks)
	return r, outcome
}

// commandKey names one invocation of a command: Slack gives each its own
// trigger_id and response_url.
func commandKey(cmd slack.SlashCommand) string {
	switch {
	case cmd.TriggerID != "":
		return "cmd:" + cmd.TriggerID
	case cmd.ResponseURL != "":
		return "cmd:" + cmd.ResponseURL
	}
	return ""
}

func (b *Bot) runCommand(ctx context.Context, cmd slack.SlashCommand) (reply, string) {
	text := strings.TrimSpace(cmd.Text)
	fields := strings.Fields(text)
	sub := ""
	if len(fields) > 0 {
		sub = strings.ToLower(fields[0])
	}
	if !b.allowed(cmd.ChannelID) {
		return ephemeral("I'm not enabled in this channel. Ask me in a DM, or ask an admin to add this channel to `slack.channels`."), "not_allowed"
	}
	switch {
	case text == "" || (len(fields) == 1 && (sub == "help" || sub == "?")):
		return b.help(), "help"
	case len(fields) == 1 && sub == "sources":
		return b.sources(ctx), "sources"
	case len(fields) == 2 && sub == "add":
		return b.add(cmd, fields[1]), "add"
	case len(fields) == 2 && sub == "digest" && (strings.EqualFold(fields[1], "preview") || strings.EqualFold(fields[1], "now")):
		return b.digest(cmd, strings.ToLower(fields[1])), "digest"
	}
	return b.ask(cmd, text)
}

func (b *Bot) help() reply {
	c := b.set.Command
	topic := strings.TrimSpace(b.opt.Topic.Name)
	if topic == "" {
		topic = "the documents I have read"
	}
	lines := []string{
		"*I answer questions about " + escape(topic) + ", citing my sources.*",
		"• `" + c + " <question>`: an answer only you see; share it with the channel if it helps.",
		"• Mention me in a channel: I answer in the thread, and follow-ups in that thread need no mention.",
		"• Send me a direct message: every message is a question.",
		"• `" + c + " sources`: the documents added most recently.",
		"• `" + c + " add <url>`: read a web page into my sources (admins).",
		"• `" + c + " digest preview`: what the digest for this channel would say now; `" + c + " digest now` posts it (admins).",
	}
	if len(b.opt.Topic.Examples) > 0 {
		lines = append(lines, "", "*For example:*")
		for _, ex := range b.opt.Topic.Examples[:min(5, len(b.opt.Topic.Examples))] {
			lines = append(lines, "• `"+c+" "+escape(oneLine(ex))+"`")
		}
	}
	text := strings.Join(lines, "\n")
	r := reply{ResponseType: slack.ResponseTypeEphemeral, Text: "How to use " + c}
	for _, part := range splitMrkdwn(text, maxSectionText) {
		r.Blocks = append(r.Blocks, section(part))
	}
	return r
}

// sourcesShown is how many recent documents "/brief sources" lists.
const sourcesShown = 15

func (b *Bot) sources(ctx context.Context) reply {
	docs, err := brief.RecentSources(ctx, b.opt.Store, sourcesShown)
	if err != nil {
		b.log.Error("list sources", "err", err)
		return ephemeral("Sorry, I could not read my sources just now.")
	}
	if len(docs) == 0 {
		return ephemeral("I have no sources yet. An admin can add one with `" + b.set.Command + " add <url>`.")
	}
	lines := []string{"*Sources added most recently*"}
	for _, d := range docs {
		lines = append(lines, citationLine(d.Citation, false)+" · added "+d.Added.Format("2 Jan 2006"))
	}
	r := reply{ResponseType: slack.ResponseTypeEphemeral, Text: fmt.Sprintf("%d sources added most recently", len(docs))}
	for _, part := range packLines(lines, maxSectionText) {
		r.Blocks = append(r.Blocks, section(part))
	}
	return r
}

// commandURL reads a URL typed after a command; Slack may have wrapped it
// as <url> or <url|label>.
func commandURL(s string) (string, bool) {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "<"), ">")
	s, _, _ = strings.Cut(s, "|")
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

func (b *Bot) admin(user string) bool { return b.admins[user] }

func (b *Bot) notAdmin() reply {
	if len(b.admins) == 0 {
		return ephemeral("Only admins may do that, and none are configured (list their user ids under `slack.admins`).")
	}
	return ephemeral("Only admins may do that.")
}

func (b *Bot) add(cmd slack.SlashCommand, arg string) reply {
	if !b.admin(cmd.UserID) {
		return b.notAdmin()
	}
	if b.opt.Adder == nil {
		return ephemeral("Adding documents is not configured on this bot.")
	}
	target, ok := commandURL(arg)
	if !ok {
		return ephemeral("`" + b.set.Command + " add` needs a web address starting with http:// or https://.")
	}
	if u, err := url.Parse(target); err == nil && u.User != nil {
		// The bot would store and show the password: refuse, and echo nothing of it.
		return ephemeral("That address carries a user name or password (`" + escape(u.Redacted()) +
			"`): the bot only adds public pages. Remove the credentials and try again.")
	}
	shown, _ := link(target, "")
	job := func(ctx context.Context) {
		summary, err := b.opt.Adder.AddURL(ctx, target)
		text := "Added " + shown + ": " + escape(summary)
		if err != nil {
			b.log.Error("add url", "url", target, "user", cmd.UserID, "err", err) // holds no credentials: refused above
			text = "Could not add " + shown + ": " + escape(truncateRunes(err.Error(), 500))
		}
		b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, Message{Text: text, Blocks: []slack.Block{section(text)}})
	}
	if !b.pool.submit(job) {
		b.metrics.busy.WithLabelValues("command").Inc()
		return ephemeral("I'm busy right now. Please try again in a minute.")
	}
	return ephemeral("Adding " + shown + " …")
}

func (b *Bot) digest(cmd slack.SlashCommand, what string) reply {
	if b.opt.Digests == nil {
		return ephemeral("Digests are not configured on this bot.")
	}
	var job func(ctx context.Context)
	var ack string
	switch what {
	case "preview":
		ack = "Preparing a preview of this channel's digest …"
		job = func(ctx context.Context) {
			d, err := b.opt.Digests.Preview(ctx, cmd.ChannelID)
			if err != nil {
				b.log.Error("digest preview", "channel", cmd.ChannelID, "err", err)
				text := "Could not make the digest: " + escape(truncateRunes(err.Error(), 500))
				b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, Message{Text: text, Blocks: []slack.Block{section(text)}})
				return
			}
			b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, RenderDigest(d))
		}
	default:
		if !b.admin(cmd.UserID) {
			return b.notAdmin()
		}
		ack = "Posting this channel's digest …"
		job = func(ctx context.Context) {
			ts, err := b.opt.Digests.PostNow(ctx, cmd.ChannelID)
			text := "Posted the digest."
			switch {
			case err != nil:
				b.log.Error("digest now", "channel", cmd.ChannelID, "err", err)
				text = "Could not post the digest: " + escape(truncateRunes(err.Error(), 500))
			case ts == "":
				text = "Nothing to post: the digest for this period is posted already or empty."
			}
			b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, Message{Text: text, Blocks: []slack.Block{section(text)}})
		}
	}
	if !b.pool.submit(job) {
		b.metrics.busy.WithLabelValues("command").Inc()
		return ephemeral("I'm busy right now. Please try again in a minute.")
	}
	return ephemeral(ack)
}

// ask restates the question at once and answers it through the
// response_url, privately, with a button to share it.
func (b *Bot) ask(cmd slack.SlashCommand, text string) (reply, string) {
	received := time.Now()
	restated := "Looking into: _" + escape(truncateRunes(oneLine(text), 500)) + "_"
	if cmd.ResponseURL == "" {
		return ephemeral("Slack sent no response address with this command, so I cannot answer it. Please try again."), "error"
	}
	job := func(ctx context.Context) {
		start := time.Now()
		ans, err := b.opt.Answerer.Answer(ctx, brief.Request{Question: text})
		answerTime := time.Since(start)
		if err != nil {
			b.log.Error("answer failed", "via", "command", "channel", cmd.ChannelID, "user", cmd.UserID, "err", err)
			msg := "Sorry, I could not answer that just now. Please try again in a few minutes."
			if ctx.Err() != nil {
				nctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
				defer cancel()
				ctx, msg = nctx, interrupted
			}
			b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, Message{Text: msg, Blocks: []slack.Block{section(msg)}})
			return
		}
		id, err := b.recordAnswer(ctx, ledger.AnswerRecord{Channel: cmd.ChannelID, UserID: cmd.UserID, Question: text}, ans)
		if err != nil {
			b.log.Error("record answer (feedback buttons left out)", "channel", cmd.ChannelID, "err", err)
		}
		for _, m := range renderAnswer(ans, answerView{ID: id, Share: id > 0}) {
			if err := b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, m); err != nil {
				return
			}
		}
		b.metrics.answers.WithLabelValues("command", string(ans.Mode)).Inc()
		total := time.Since(received)
		b.metrics.answerSecs.WithLabelValues("command").Observe(total.Seconds())
		b.metrics.overheadSecs.Observe((total - answerTime).Seconds())
	}
	expired := func(ctx context.Context) {
		b.metrics.busy.WithLabelValues("command").Inc()
		b.log.Warn("waited too long for a worker: turned a command away", "channel", cmd.ChannelID, "user", cmd.UserID)
		b.respond(ctx, cmd.ResponseURL, slack.ResponseTypeEphemeral, notice(waitedTooLong))
	}
	pl, ok := b.pool.submitTask(task{run: job, expired: expired})
	if !ok {
		b.metrics.busy.WithLabelValues("command").Inc()
		b.log.Warn("pool full: turned a command away", "channel", cmd.ChannelID, "user", cmd.UserID)
		return ephemeral("I'm answering a lot of questions right now. Please try again in a minute."), "busy"
	}
	if pl.long() {
		restated += "\n" + placeText(pl)
	}
	return ephemeral(restated), "queued"
}

// respond posts a message to a response_url (replace_original false, so
// earlier messages stay), waiting out rate limits. Failures are logged and
// returned.
func (b *Bot) respond(ctx context.Context, responseURL, responseType string, m Message) error {
	if responseURL == "" {
		return fmt.Errorf("no response_url")
	}
	_, _, err := b.api.PostMessageContext(ctx, "", append(outgoing(m), slack.MsgOptionResponseURL(responseURL, responseType))...)
	if err != nil {
		b.metrics.apiErrors.WithLabelValues("response_url").Inc()
		b.log.Error("response_url post failed", "response_type", responseType, "err", err)
	}
	return err
}
