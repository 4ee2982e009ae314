package slackbot

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// runSocket receives Slack's envelopes over Socket Mode until ctx ends.
// Every envelope is acknowledged first; the work runs after.
func (b *Bot) runSocket(ctx context.Context) error {
	smc := b.socketClient()
	runErr := make(chan error, 1)
	go func() { runErr <- smc.RunContext(ctx) }()
	var handlers sync.WaitGroup
	defer handlers.Wait()
	for {
		select {
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			if isAuthError(err) {
				return fmt.Errorf("socket mode: SLACK_APP_TOKEN was refused (%w): create an app-level token with the connections:write scope", err)
			}
			return fmt.Errorf("socket mode: %w", err)
		case evt := <-smc.Events:
			switch evt.Type {
			case socketmode.EventTypeConnecting:
				b.log.Debug("socket mode connecting")
			case socketmode.EventTypeConnected:
				b.log.Info("socket mode connected")
			case socketmode.EventTypeConnectionError:
				// slack-go retries apps.connections.open for ever; a token it
				// refuses (no connections:write, a bot token) never comes right.
				if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok && ce.ErrorObj != nil && isAuthError(ce.ErrorObj) {
					return fmt.Errorf("socket mode: SLACK_APP_TOKEN was refused (%w): create an app-level token (xapp-…) with the connections:write scope", ce.ErrorObj)
				}
				b.log.Warn("socket mode trouble", "type", evt.Type, "detail", fmt.Sprint(evt.Data))
			case socketmode.EventTypeIncomingError, socketmode.EventTypeErrorBadMessage, socketmode.EventTypeErrorWriteFailed:
				b.log.Warn("socket mode trouble", "type", evt.Type, "detail", fmt.Sprint(evt.Data))
			case socketmode.EventTypeInvalidAuth:
				b.log.Error("socket mode: SLACK_APP_TOKEN refused")
			case socketmode.EventTypeEventsAPI, socketmode.EventTypeSlashCommand, socketmode.EventTypeInteractive:
				if evt.Request == nil {
					continue
				}
				handlers.Go(func() { b.handleEnvelope(ctx, smc, evt) })
			}
		}
	}
}

// handleEnvelope acknowledges one envelope and acts on it. A slash
// command's immediate reply rides on its ack.
func (b *Bot) handleEnvelope(ctx context.Context, smc *socketmode.Client, evt socketmode.Event) {
	start := time.Now()
	req := *evt.Request
	kind := map[socketmode.EventType]string{
		socketmode.EventTypeEventsAPI: "events", socketmode.EventTypeSlashCommand: "commands", socketmode.EventTypeInteractive: "interactive",
	}[evt.Type]
	outcome := "ok"
	ack := func(payload any) {
		actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ackBudget)
		defer cancel()
		if err := smc.AckCtx(actx, req.EnvelopeID, payload); err != nil {
			b.log.Error("socket mode ack failed", "envelope_id", req.EnvelopeID, "err", err)
		}
		b.metrics.ackSeconds.WithLabelValues(kind).Observe(time.Since(start).Seconds())
	}
	defer func() { b.metrics.requests.WithLabelValues(kind, outcome).Inc() }()

	switch data := evt.Data.(type) {
	case slackevents.EventsAPIEvent:
		ack(nil)
		eventID := ""
		if cb, ok := data.Data.(*slackevents.EventsAPICallbackEvent); ok {
			eventID = cb.EventID
		}
		retry := ""
		if req.RetryAttempt > 0 {
			retry = strconv.Itoa(req.RetryAttempt)
		}
		var err error
		outcome, err = b.dispatchEvent(ctx, eventID, retry, data)
		if err != nil {
			// Acked already, so Slack will not send it again: say so loudly.
			b.log.Error("event not handled", "event_id", eventID, "envelope_id", req.EnvelopeID, "err", err)
		}
	case slack.SlashCommand:
		r, o := b.command(ctx, data)
		outcome = o
		if o == "duplicate" {
			ack(nil) // a replay: acknowledged, and nothing said twice
			break
		}
		ack(r)
	case slack.InteractionCallback:
		ack(nil)
		outcome = b.interaction(data)
	default:
		ack(nil)
		outcome = "ignored"
		b.log.Debug("unexpected socket mode payload", "type", evt.Type)
	}
}
