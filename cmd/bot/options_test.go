package main

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/embedding"
	"github.com/mss-brief/briefbot/internal/openaitest"
)

// The packages take the configured values as given and keep no defaults
// of their own, so a value the copy forgets is a value silently lost: each
// field of a package's options must carry the configuration's field of the
// same name, and a field with no such counterpart must be known here.
func TestOptionsCarryTheConfiguredValues(t *testing.T) {
	t.Parallel()
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

// The default configuration's embeddings section, with a model, makes a
// client as it stands, and embeddings.retries reaches it as given: 0 is
// one attempt, 1 two, against an endpoint that is down.
func TestEmbeddingRetries(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ configured, requests int }{{0, 1}, {1, 2}} {
		srv := openaitest.New(t)
		cfg := config.Default()
		cfg.Embed.Model, cfg.Embed.BaseURL, cfg.Embed.Dimensions = "fail-model", srv.URL, openaitest.SemanticDims
		cfg.Embed.Retries = tt.configured
		c, err := embedding.New(embeddingConfig(cfg))
		if err != nil {
			t.Fatalf("the default embeddings section with a model: %v", err)
		}
		if _, err := c.Embed(context.Background(), []string{"fuel"}); err == nil {
			t.Fatal("an endpoint that is down: no error")
		}
		if n := len(srv.Requests()); n != tt.requests {
			t.Errorf("embeddings.retries %d: %d requests, want %d", tt.configured, n, tt.requests)
		}
	}
}
