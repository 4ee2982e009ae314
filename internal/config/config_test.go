package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestExampleConfigLoads(t *testing.T) {
	cfg, err := Load(filepath.Join("..", "..", "config.example.yaml"), envOf(nil))
	if err != nil {
		t.Fatalf("config.example.yaml: %v", err)
	}
	def := Default()
	if cfg.Slack.Command != def.Slack.Command || cfg.LLM.Model != def.LLM.Model || len(cfg.Topic.Aliases) != len(def.Topic.Aliases) {
		t.Errorf("example file drifted from the defaults: %+v", cfg.Slack)
	}
	if cfg.Slack.Workers != def.Slack.Workers || cfg.Slack.Queue != def.Slack.Queue || cfg.Slack.QueueWait != def.Slack.QueueWait || def.Slack.QueueWait <= 0 {
		t.Errorf("pool settings: example workers=%d queue=%d queue_wait=%v, defaults %d %d %v",
			cfg.Slack.Workers, cfg.Slack.Queue, cfg.Slack.QueueWait, def.Slack.Workers, def.Slack.Queue, def.Slack.QueueWait)
	}
}

func TestLoadErrorsNameTheKey(t *testing.T) {
	tests := []struct {
		name, yaml, wantKey string
	}{
		{"unknown key", "slak:\n  command: /x\n", "slak"},
		{"bad api type", "llm:\n  api_type: anthropic\n", "llm.api_type"},
		{"bad command", "slack:\n  command: brief\n", "slack.command"},
		{"bad zone", "digests:\n  - channel: C1\n    time_zone: Mars/Olympus\n", "digests[0].time_zone"},
		{"missing channel", "digests:\n  - schedule: \"0 9 * * MON\"\n", "digests[0].channel"},
		{"bad empty policy", "digests:\n  - channel: C1\n    empty_week: maybe\n", "digests[0].empty_week"},
		{"negative lease", "digest_lease: -1m\n", "digest_lease"},
		{"bad k", "answer:\n  k: 0\n", "answer.k"},
		{"no deadline", "llm:\n  deadline: -1s\n", "llm.deadline"},
		{"bad duration", "llm:\n  timeout: soon\n", "soon"},
		{"negative workers", "slack:\n  workers: -1\n", "slack.workers"},
		{"negative queue wait", "slack:\n  queue_wait: -1s\n", "slack.queue_wait"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			if err := os.WriteFile(path, []byte(tt.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path, envOf(nil))
			if err == nil || !strings.Contains(err.Error(), tt.wantKey) {
				t.Fatalf("Load = %v, want an error naming %q", err, tt.wantKey)
			}
		})
	}
}

func TestMissingFileSaysHowToFix(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"), envOf(nil))
	if err == nil || !strings.Contains(err.Error(), "BOT_CONFIG") {
		t.Fatalf("Load = %v, want a hint naming BOT_CONFIG", err)
	}
}

func TestEnvironmentOverridesAndSecrets(t *testing.T) {
	cfg, err := Load("", envOf(map[string]string{
		"BOT_DB": "/tmp/x.db", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "OPENAI_API_KEY": "sk-secret-value",
		"SLACK_BOT_TOKEN": "xoxb-secret", "SLACK_SIGNING_SECRET": "signing-secret", "SLACK_APP_TOKEN": "xapp-secret",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Store.Path != "/tmp/x.db" || cfg.LLM.BaseURL != "http://127.0.0.1:9/v1" || !cfg.LLMConfigured() {
		t.Errorf("environment not applied: store=%q base=%q", cfg.Store.Path, cfg.LLM.BaseURL)
	}
	if cfg.Secrets.SlackBotToken != "xoxb-secret" {
		t.Errorf("bot token not read from SLACK_BOT_TOKEN")
	}
	for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
		out := fmt.Sprintf(format, cfg)
		for _, secret := range []string{"sk-secret-value", "xoxb-secret", "signing-secret", "xapp-secret"} {
			if strings.Contains(out, secret) {
				t.Errorf("%s of the config shows secret %q", format, secret)
			}
		}
	}
}

func TestLLMNotConfiguredByDefault(t *testing.T) {
	cfg, err := Load("", envOf(nil))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.LLMConfigured() {
		t.Error("a fresh machine with no key or base URL must answer extractively")
	}
}

func TestStoreTarget(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    string
		wantErr string
	}{
		{"default file", nil, "data/brief.db", ""},
		{"BOT_DB", map[string]string{"BOT_DB": "/tmp/x.db"}, "/tmp/x.db", ""},
		{"BOT_DATABASE_URL wins over the file", map[string]string{"BOT_DB": "/tmp/x.db", "BOT_DATABASE_URL": "postgres://bot@db:5432/brief"}, "postgres://bot@db:5432/brief", ""},
		{"not a postgres URL", map[string]string{"BOT_DATABASE_URL": "mysql://bot:pw@db/brief"}, "", "store.url"},
	}
	for _, tt := range tests {
		cfg, err := Load("", envOf(tt.env))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || strings.Contains(err.Error(), "pw") {
				t.Errorf("%s: err = %v, want one naming %s without the password", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil || cfg.Store.Target() != tt.want {
			t.Errorf("%s: target = %q (%v), want %q", tt.name, cfg.Store.Target(), err, tt.want)
		}
	}
}
