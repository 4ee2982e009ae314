package slackbot

import (
	"os"
	"slices"
	"testing"

	"gopkg.in/yaml.v3"
)

// The app manifest asks for what the bot uses: the shortcuts it handles,
// the events it reads, and none of the scopes it does not (im:read and
// im:write: the bot answers in DMs it is sent, never opens or lists one).
func TestManifestMatchesTheBot(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../slack-app-manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			AppHome struct {
				HomeTab bool `yaml:"home_tab_enabled"`
			} `yaml:"app_home"`
			Shortcuts []struct {
				Type       string `yaml:"type"`
				CallbackID string `yaml:"callback_id"`
			} `yaml:"shortcuts"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range m.Features.Shortcuts {
		if s.Type == "message" {
			ids = append(ids, s.CallbackID)
		}
	}
	for _, id := range []string{shortcutBrief, shortcutAdd} {
		if !slices.Contains(ids, id) {
			t.Errorf("no message shortcut %q in the manifest (has %v)", id, ids)
		}
	}
	if !m.Features.AppHome.HomeTab {
		t.Error("the home tab is off")
	}
	for _, ev := range []string{"app_mention", "message.im", "message.channels", "message.groups", "assistant_thread_started", "app_home_opened"} {
		if !slices.Contains(m.Settings.Events.Bot, ev) {
			t.Errorf("event %s not subscribed", ev)
		}
	}
	want := []string{"app_mentions:read", "assistant:write", "channels:history", "chat:write", "commands", "groups:history", "im:history", "reactions:write"}
	got := slices.Sorted(slices.Values(m.OAuth.Scopes.Bot))
	if !slices.Equal(got, want) {
		t.Errorf("bot scopes = %v, want %v", got, want)
	}
}
