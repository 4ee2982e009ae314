package slackbot

import (
	"context"
	"os"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// New takes its settings as given (the defaults are the configuration's):
// what it cannot run on is refused, naming the key, before Slack is asked.
func TestNewRefusesSettingsItCannotRunOn(t *testing.T) {
	t.Parallel()
	st, _ := seededStore(t)
	ans, err := brief.New(st, nil, brief.AnswererConfig{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		set      Settings
		appToken string // set: Socket Mode
		want     string // in the error
	}{
		{name: "command without a slash", set: Settings{Command: "brief", MaxBodyBytes: 1 << 20}, want: "slack.command"},
		{name: "HTTP mode without a body cap", set: Settings{Command: "/brief"}, want: "slack.max_body_bytes"},
		// Socket Mode reads no request bodies: New goes on to auth.test,
		// which fails here as nothing listens at the API URL.
		{name: "Socket Mode without a body cap", set: Settings{Command: "/brief"}, appToken: slacktest.AppToken, want: "auth.test"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(context.Background(), Options{
				Settings: tt.set, BotToken: slacktest.BotToken, AppToken: tt.appToken, SigningSecret: slacktest.SigningSecret,
				APIURL: "http://127.0.0.1:1/api/", Answerer: ans, Store: st, Ledger: ledger.New(st.Database()),
			})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New: %v, want an error naming %s", err, tt.want)
			}
		})
	}
}

// With no command set, the help text names the one the shipped manifest
// declares.
func TestManifestCommand(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			Commands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
		} `yaml:"features"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Features.Commands) != 1 || m.Features.Commands[0].Command != manifestCommand {
		t.Errorf("manifest slash commands %+v, want only %s", m.Features.Commands, manifestCommand)
	}
}
