package slackbot

import (
	"context"
	"net/url"
	"path"
	"regexp"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// Callback ids of the message shortcuts (slack-app-manifest.yaml).
const (
	shortcutBrief = "brief_message" // "Brief me on this": answer the message in its thread
	shortcutAdd   = "add_to_corpus" // "Add to the corpus": read the message's link (admins)
)

// messageAction handles a message shortcut. Like a click, it is acked by
// the caller at once and claimed by its trigger_id, so a replayed payload
// does nothing; the work runs in the pool.
func (b *Bot) messageAction(cb slack.InteractionCallback) string {
	switch cb.CallbackID {
	case shortcutBrief, shortcutAdd:
	default:
		return "ignored"
	}
	if key := interactionKey(cb); key != "" {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		took, err := b.opt.Ledger.Claim(ctx, key, b.set.DedupeTTL)
		cancel()
		if err != nil {
			b.log.Error("shortcut not claimed", "user", cb.User.ID, "channel", cb.Channel.ID, "err", err)
			b.background(func(ctx context.Context) {
				b.tellClicker(ctx, cb, "Sorry, something went wrong on my side. Please try again.")
			})
			return "error"
		}
		if !took {
			b.metrics.duplicates.WithLabelValues("shortcut").Inc()
			return "duplicate"
		}
	}
	if cb.CallbackID == shortcutAdd {
		return b.addFromMessage(cb)
	}
	return b.briefOnMessage(cb)
}

// briefOnMessage answers a message, taken as the question, in its thread.
func (b *Bot) briefOnMessage(cb slack.InteractionCallback) string {
	say := func(text string) { b.background(func(ctx context.Context) { b.tellClicker(ctx, cb, text) }) }
	channel := cb.Channel.ID
	if !b.allowed(channel) {
		say("I'm not enabled in this channel. Ask me in a DM, or ask an admin to add this channel to `slack.channels`.")
		return "not_allowed"
	}
	msgTS := cb.Message.Timestamp
	if msgTS == "" {
		msgTS = cb.MessageTs
	}
	text := shortcutQuestion(cb.Message.Text, b.botUserID)
	if text == "" || msgTS == "" {
		say("That message has no text I can brief you on. Ask me a question instead, for example: " + b.example())
		return "empty"
	}
	q := question{via: "shortcut", channel: channel, user: cb.User.ID, text: text, ts: msgTS, threadTS: msgTS,
		team: cb.Team.ID, received: time.Now()}
	if t := cb.Message.ThreadTimestamp; t != "" && t != msgTS {
		// A reply in a thread: answer in that thread, with its turns.
		q.threadTS, q.history = t, true
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		kind, _, err := b.opt.Ledger.ThreadKind(ctx, channel, t)
		cancel()
		if err != nil {
			b.log.Error("thread kind", q.logArgs("err", err)...)
		}
		q.kind = kind
	}
	if q.team == "" {
		q.team = b.teamID
	}
	_, ok := b.pool.submitTask(task{
		run: func(ctx context.Context) { b.answerQuestion(ctx, q) },
		expired: func(ctx context.Context) {
			b.metrics.busy.WithLabelValues(q.via).Inc()
			b.tellClicker(ctx, cb, waitedTooLong)
		},
	})
	if !ok {
		b.metrics.busy.WithLabelValues(q.via).Inc()
		say("I'm answering a lot of questions right now. Please try again in a minute.")
		return "busy"
	}
	return shortcutBrief
}

// addFromMessage reads the first link of a message into the corpus, for
// an admin (slack.admins in the configuration, as for "/brief add").
func (b *Bot) addFromMessage(cb slack.InteractionCallback) string {
	say := func(text string) { b.background(func(ctx context.Context) { b.tellClicker(ctx, cb, text) }) }
	if !b.admin(cb.User.ID) {
		say(b.notAdmin().Text)
		return "not_admin"
	}
	if b.opt.Adder == nil {
		say("Adding documents is not configured on this bot.")
		return "not_configured"
	}
	target, ok := firstLink(cb.Message.Text)
	if !ok {
		say("That message holds no web link (http:// or https://) to add.")
		return "no_link"
	}
	if u, err := url.Parse(target); err == nil && u.User != nil {
		say("That link carries a user name or password: the bot only adds public pages.")
		return "refused"
	}
	shown, _ := link(target, "")
	job := func(ctx context.Context) {
		summary, err := b.opt.Adder.AddURL(ctx, target)
		text := "Added " + shown + ": " + escape(summary)
		if err != nil {
			b.log.Error("add url from a message", "url", target, "user", cb.User.ID, "err", err) // holds no credentials: refused above
			text = "Could not add " + shown + ": " + escape(truncateRunes(err.Error(), 500))
		}
		b.tellClicker(ctx, cb, text)
	}
	if !b.pool.submit(job) {
		b.metrics.busy.WithLabelValues("shortcut").Inc()
		say("I'm busy right now. Please try again in a minute.")
		return "busy"
	}
	say("Adding " + shown + " …")
	return shortcutAdd
}

var slackLinkRe = regexp.MustCompile(`<(https?://[^<>|\s]+)(?:\|([^<>]*))?>`)

// firstLink is the first http(s) link Slack marked up in a message.
func firstLink(text string) (string, bool) {
	m := slackLinkRe.FindStringSubmatch(text)
	if m == nil {
		return "", false
	}
	u, err := url.Parse(m[1])
	if err != nil || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// shortcutQuestion is what "Brief me on this" asks: the message's text;
// when that is little more than a link, the link's label, or else the
// words of its path ("…/2025/haiti-gang-suppression-force" asks about
// "haiti gang suppression force"), since a URL itself matches nothing.
func shortcutQuestion(text, botUserID string) string {
	var label, target string
	if m := slackLinkRe.FindStringSubmatch(text); m != nil {
		target, label = m[1], m[2]
	}
	rest := plainText(slackLinkRe.ReplaceAllString(text, " "), botUserID)
	if target == "" || len(strings.Fields(rest)) >= 3 {
		return oneLine(truncateRunes(plainText(text, botUserID), maxTurnChars))
	}
	if label = strings.TrimSpace(label); label != "" && label != target {
		return oneLine(rest + " " + label)
	}
	u, err := url.Parse(target)
	if err != nil {
		return rest
	}
	var words []string
	p := strings.Trim(u.Path, "/")
	for _, seg := range strings.Split(p, "/") {
		seg = strings.TrimSuffix(seg, path.Ext(seg))
		for _, w := range strings.FieldsFunc(seg, func(r rune) bool { return r == '-' || r == '_' || r == '+' || r == '.' }) {
			if strings.Trim(w, "0123456789") == "" {
				continue // years, ids
			}
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return oneLine(rest)
	}
	return oneLine(rest + " " + strings.Join(words, " "))
}
