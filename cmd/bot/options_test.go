package main

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/config"
)

// The packages take the configured values as given and keep no defaults
// of their own, so a value the copy forgets is a value silently lost: each
// field of a package's options must carry the configuration's field of the
// same name, and a field with no such counterpart must be known here.
func TestOptionsCarryTheConfiguredValues(t *testing.T) {
	cfg := config.Default()
	// Values the defaults leave empty, so that a forgotten copy shows.
	cfg.Slack.Admins, cfg.Slack.Channels, cfg.Slack.Workers = []string{"UADMIN"}, []string{"C1"}, 3
	cfg.LLM.BaseURL, cfg.LLM.APIType = "https://example.openai.azure.com", "azure"
	cfg.Embed.Model, cfg.Embed.BaseURL, cfg.Embed.Dimensions = "text-embedding-3-small", "http://127.0.0.1:9/v1", 256
	cfg.Secrets.EmbeddingsKey = "sk-embed"

	tests := []struct {
		name string
		got  any
		from any
		own  []string // fields the configuration has no counterpart for
	}{
		{name: "slack", got: slackSettings(cfg.Slack), from: cfg.Slack},
		{name: "topic", got: slackTopic(cfg.Topic), from: cfg.Topic},
		{name: "llm", got: openAIConfig(cfg.LLM), from: cfg.LLM},
		{name: "ingest", got: ingestOptions(cfg.Ingest, nil), from: cfg.Ingest, own: []string{"PDFToText", "Workers", "Progress", "PublicOnly", "Observer"}},
		{name: "embeddings", got: embeddingConfig(cfg), from: cfg.Embed, own: []string{"APIKey", "Backoff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, from := reflect.ValueOf(tt.got), reflect.ValueOf(tt.from)
			for i := range got.NumField() {
				name := got.Type().Field(i).Name
				src := from.FieldByName(name)
				if !src.IsValid() {
					if !slices.Contains(tt.own, name) {
						t.Errorf("%s has no counterpart in the configuration: copy it from there or list it as the package's own", name)
					}
					continue
				}
				if !reflect.DeepEqual(got.Field(i).Interface(), src.Interface()) {
					t.Errorf("%s = %v, configured %v", name, got.Field(i).Interface(), src.Interface())
				}
			}
		})
	}

	ac := answererConfig(cfg)
	if ac.Topic != cfg.Topic.Name || ac.K != cfg.Answer.K || ac.Deadline != cfg.LLM.Deadline || !reflect.DeepEqual(ac.Aliases, cfg.Topic.Aliases) {
		t.Errorf("answerer config %+v does not carry the configured topic, k and deadline", ac)
	}
	if e := embeddingConfig(cfg); e.APIKey != "sk-embed" {
		t.Errorf("embeddings key %q, want the configured one", e.APIKey)
	}
}

// embeddings.retries: 0 is none, which the client spells -1 (its 0 is its
// own default).
func TestEmbeddingRetries(t *testing.T) {
	for _, tt := range []struct{ configured, want int }{{0, -1}, {2, 2}, {-1, -1}} {
		cfg := config.Default()
		cfg.Embed.Retries, cfg.Embed.Timeout = tt.configured, time.Second
		if got := embeddingConfig(cfg).Retries; got != tt.want {
			t.Errorf("embeddings.retries %d: client gets %d, want %d", tt.configured, got, tt.want)
		}
	}
}
