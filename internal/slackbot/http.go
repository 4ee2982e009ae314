package slackbot

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// slackHandler serves a verified request; it returns the outcome label
// for metrics.
type slackHandler func(w http.ResponseWriter, r *http.Request, body []byte) string

// slackRequest caps the body, verifies the signature over the raw bytes
// before anything parses them, then calls h.
func (b *Bot) slackRequest(kind string, h slackHandler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		outcome := "ok"
		defer func() {
			b.metrics.requests.WithLabelValues(kind, outcome).Inc()
			b.metrics.ackSeconds.WithLabelValues(kind).Observe(time.Since(start).Seconds())
		}()
		if r.ContentLength > b.set.MaxBodyBytes {
			outcome = "too_large"
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.set.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				outcome = "too_large"
				http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
				return
			}
			outcome = "bad_request"
			http.Error(w, "cannot read body", http.StatusBadRequest)
			return
		}
		if err := b.verify.check(r.Header, body); err != nil {
			outcome = "unauthorized"
			b.log.Warn("refused a request with a bad signature", "path", r.URL.Path, "remote", r.RemoteAddr, "reason", err)
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		outcome = h(w, r, body)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

func (b *Bot) serveEvents(w http.ResponseWriter, r *http.Request, body []byte) string {
	var outer struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
		EventID   string `json:"event_id"`
	}
	if err := json.Unmarshal(body, &outer); err != nil {
		http.Error(w, "body is not JSON", http.StatusBadRequest)
		return "bad_request"
	}
	switch outer.Type {
	case slackevents.URLVerification:
		writeJSON(w, map[string]string{"challenge": outer.Challenge})
		return "url_verification"
	case slackevents.CallbackEvent:
	default:
		w.WriteHeader(http.StatusOK)
		return "ignored"
	}
	ev, err := slackevents.ParseEvent(json.RawMessage(body), slackevents.OptionNoVerifyToken())
	if err != nil {
		// An event type slack-go cannot parse is not ours to answer; a 2xx
		// stops Slack from retrying it.
		b.log.Debug("unparsed event", "event_id", outer.EventID, "err", err)
		w.WriteHeader(http.StatusOK)
		return "ignored"
	}
	retry := r.Header.Get("X-Slack-Retry-Num")
	outcome, err := b.dispatchEvent(r.Context(), outer.EventID, retry, ev)
	if err != nil {
		// Our store failed: let Slack deliver it again later.
		b.log.Error("event not handled", "event_id", outer.EventID, "retry", retry, "err", err)
		http.Error(w, "try again", http.StatusInternalServerError)
		return "error"
	}
	w.WriteHeader(http.StatusOK)
	return outcome
}

func (b *Bot) serveCommand(w http.ResponseWriter, r *http.Request, body []byte) string {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return "bad_request"
	}
	cmd := slack.SlashCommand{
		TeamID: form.Get("team_id"), ChannelID: form.Get("channel_id"), ChannelName: form.Get("channel_name"),
		UserID: form.Get("user_id"), UserName: form.Get("user_name"), Command: form.Get("command"),
		Text: form.Get("text"), ResponseURL: form.Get("response_url"), TriggerID: form.Get("trigger_id"),
		APIAppID: form.Get("api_app_id"),
	}
	resp, outcome := b.command(r.Context(), cmd)
	if outcome == "duplicate" {
		w.WriteHeader(http.StatusOK) // an empty 200 shows nothing
		return outcome
	}
	writeJSON(w, resp)
	return outcome
}

func (b *Bot) serveInteractive(w http.ResponseWriter, r *http.Request, body []byte) string {
	form, err := url.ParseQuery(string(body))
	if err != nil || form.Get("payload") == "" {
		http.Error(w, "missing payload", http.StatusBadRequest)
		return "bad_request"
	}
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(form.Get("payload")), &cb); err != nil {
		http.Error(w, "bad payload", http.StatusBadRequest)
		return "bad_request"
	}
	outcome := b.interaction(cb)
	w.WriteHeader(http.StatusOK)
	return outcome
}
