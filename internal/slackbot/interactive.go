package slackbot

import (
	"context"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/mss-brief/briefbot/internal/ledger"
)

// interaction handles a click on one of the bot's buttons. The click is
// acknowledged by the caller at once; the work runs in the pool. A payload
// seen before (a replayed request, to this replica or another) is claimed
// already and does nothing.
func (b *Bot) interaction(cb slack.InteractionCallback) string {
	if cb.Type == slack.InteractionTypeMessageAction {
		return b.messageAction(cb)
	}
	if cb.Type != slack.InteractionTypeBlockActions {
		return "ignored"
	}
	type click struct {
		action string
		job    func(ctx context.Context)
	}
	var clicks []click
	for _, a := range cb.ActionCallback.BlockActions {
		switch a.ActionID {
		case actionUp, actionDown:
			vote := "up"
			if a.ActionID == actionDown {
				vote = "down"
			}
			clicks = append(clicks, click{a.ActionID, func(ctx context.Context) { b.feedback(ctx, cb, a.Value, vote) }})
		case actionFeedback:
			if vote, id, ok := feedbackChoice(a.Value); ok {
				clicks = append(clicks, click{a.ActionID, func(ctx context.Context) { b.feedback(ctx, cb, id, vote) }})
			}
		case actionShare:
			clicks = append(clicks, click{a.ActionID, func(ctx context.Context) { b.share(ctx, cb, a.Value) }})
		}
	}
	if len(clicks) == 0 {
		return "ignored"
	}
	if key := interactionKey(cb); key != "" {
		// Both transports call this after the ack, outside any request's
		// context: the claim gets a short one of its own.
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		took, err := b.opt.Ledger.Claim(ctx, key, b.set.DedupeTTL)
		cancel()
		if err != nil {
			b.log.Error("click not claimed", "user", cb.User.ID, "channel", cb.Channel.ID, "err", err)
			b.background(func(ctx context.Context) {
				b.tellClicker(ctx, cb, "Sorry, something went wrong on my side. Please click again.")
			})
			return "error"
		}
		if !took {
			b.metrics.duplicates.WithLabelValues("interactive").Inc()
			b.log.Warn("replayed click ignored", "user", cb.User.ID, "channel", cb.Channel.ID)
			return "duplicate"
		}
	}
	outcome := "ignored"
	for _, c := range clicks {
		outcome = c.action
		if !b.pool.submit(c.job) {
			b.metrics.busy.WithLabelValues("interactive").Inc()
			outcome = "busy"
			b.background(func(ctx context.Context) {
				b.tellClicker(ctx, cb, "I'm busy right now. Please click again in a minute.")
			})
		}
	}
	return outcome
}

// interactionKey names one click: Slack gives each payload its own
// trigger_id; without one, who clicked what and when.
func interactionKey(cb slack.InteractionCallback) string {
	if cb.TriggerID != "" {
		return "interactive:" + cb.TriggerID
	}
	if acts := cb.ActionCallback.BlockActions; len(acts) > 0 && acts[0].ActionTs != "" {
		return "interactive:" + cb.User.ID + ":" + acts[0].ActionTs + ":" + acts[0].ActionID
	}
	return ""
}

func (b *Bot) feedback(ctx context.Context, cb slack.InteractionCallback, value, vote string) {
	id, err := strconv.ParseInt(value, 10, 64)
	if err == nil {
		err = b.opt.Ledger.RecordFeedback(ctx, ledger.Feedback{AnswerID: id, UserID: cb.User.ID, Vote: vote})
	}
	if err != nil {
		b.log.Error("feedback not recorded", "answer_id", value, "user", cb.User.ID, "channel", cb.Channel.ID, "err", err)
		b.tellClicker(ctx, cb, "Sorry, I could not record your feedback.")
		return
	}
	b.metrics.feedback.WithLabelValues(vote).Inc()
	thanks := "Thanks, noted: helpful."
	if vote == "down" {
		thanks = "Thanks, noted: not helpful. Asking again in other words may find better sources."
	}
	b.tellClicker(ctx, cb, thanks)
}

func (b *Bot) share(ctx context.Context, cb slack.InteractionCallback, value string) {
	id, _ := strconv.ParseInt(value, 10, 64)
	ans, rec, err := b.recordedAnswer(ctx, id)
	if err != nil {
		b.log.Error("share: answer not found", "answer_id", id, "user", cb.User.ID, "err", err)
		b.tellClicker(ctx, cb, "I can no longer find that answer; ask again with `"+b.set.Command+"`.")
		return
	}
	for _, m := range renderAnswer(ans, answerView{ID: id, Question: rec.Question}) {
		if err := b.respond(ctx, cb.ResponseURL, slack.ResponseTypeInChannel, m); err != nil {
			b.tellClicker(ctx, cb, "Sorry, I could not share the answer ("+escape(slackErrorCode(err))+").")
			return
		}
	}
}

// tellClicker answers whoever clicked, privately.
func (b *Bot) tellClicker(ctx context.Context, cb slack.InteractionCallback, text string) {
	m := Message{Text: text, Blocks: []slack.Block{section(text)}}
	if cb.ResponseURL != "" {
		if b.respond(ctx, cb.ResponseURL, slack.ResponseTypeEphemeral, m) == nil {
			return
		}
	}
	channel := cb.Channel.ID
	if channel == "" {
		channel = cb.Container.ChannelID
	}
	if _, err := b.api.PostEphemeralContext(ctx, channel, cb.User.ID, outgoing(Message{Text: text})...); err != nil {
		b.metrics.apiErrors.WithLabelValues("chat.postEphemeral").Inc()
		b.log.Error("could not reply to a click", "channel", channel, "user", cb.User.ID, "err", err)
	}
}
