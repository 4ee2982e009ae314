// Package config loads the bot's settings: a YAML file for everything that
// may be shared, and the environment for secrets and endpoints. Errors name
// the key to fix.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is the whole configuration.
type Config struct {
	Topic   Topic      `yaml:"topic"`
	Store   Store      `yaml:"store"`
	Ingest  Ingest     `yaml:"ingest"`
	LLM     LLM        `yaml:"llm"`
	Embed   Embeddings `yaml:"embeddings"`
	Answer  Answer     `yaml:"answer"`
	Prompts Prompts    `yaml:"prompts"`
	Slack   Slack      `yaml:"slack"`
	Digests []Digest   `yaml:"digests"`
	// DigestLease is how long a replica's claim on a digest period holds:
	// a replica that dies mid-post has its period taken over once it
	// expires. 0: the scheduler's own (5 minutes).
	DigestLease time.Duration `yaml:"digest_lease"`
	Feeds       Feeds         `yaml:"feeds"`
	Secrets     Secrets       `yaml:"-"` // from the environment only
	Source      string        `yaml:"-"` // the file read, if any
}

// Topic is what the bot is about. It lives here, not in code, so a team can
// point the bot at another subject.
type Topic struct {
	Name        string     `yaml:"name"`        // e.g. "the Kenya-led MSS mission in Haiti"
	Description string     `yaml:"description"` // one paragraph for the prompts
	Aliases     [][]string `yaml:"aliases"`     // groups of names for the same thing
	Examples    []string   `yaml:"examples"`    // questions to suggest to readers
}

// Store says where the database lives: a PostgreSQL server that several
// replicas share when URL is set, else the SQLite file at Path.
type Store struct {
	Path string `yaml:"path"` // env BOT_DB and flag --db override
	URL  string `yaml:"url"`  // postgres://…; env BOT_DATABASE_URL overrides
}

// Target is what the store is opened from: URL when set, else Path.
func (s Store) Target() string {
	if s.URL != "" {
		return s.URL
	}
	return s.Path
}

// Ingest bounds what fetching and reading may cost.
type Ingest struct {
	MaxBytes     int64         `yaml:"max_bytes"`
	Timeout      time.Duration `yaml:"timeout"`
	MaxRedirects int           `yaml:"max_redirects"`
	UserAgent    string        `yaml:"user_agent"`
}

// LLM is the OpenAI-compatible endpoint. The key comes from OPENAI_API_KEY.
type LLM struct {
	BaseURL         string        `yaml:"base_url"` // env OPENAI_BASE_URL overrides
	Model           string        `yaml:"model"`
	APIType         string        `yaml:"api_type"` // "openai" or "azure"
	AzureAPIVersion string        `yaml:"azure_api_version"`
	Timeout         time.Duration `yaml:"timeout"`  // one request
	Deadline        time.Duration `yaml:"deadline"` // one question, across retries; then an extractive answer
	MaxTokens       int           `yaml:"max_tokens"`
	Temperature     float32       `yaml:"temperature"`
	Retries         int           `yaml:"retries"`
}

// Embeddings is the optional OpenAI-compatible /v1/embeddings endpoint for
// dense retrieval: with no model the search is lexical only. The key is
// EMBEDDINGS_API_KEY, else OPENAI_API_KEY.
type Embeddings struct {
	Model         string        `yaml:"model"`          // e.g. text-embedding-3-small; empty: off (env EMBEDDINGS_MODEL)
	BaseURL       string        `yaml:"base_url"`       // empty: llm.base_url (env EMBEDDINGS_BASE_URL)
	Dimensions    int           `yaml:"dimensions"`     // asked of the model when > 0
	Batch         int           `yaml:"batch"`          // passages per request
	Timeout       time.Duration `yaml:"timeout"`        // one request
	QueryDeadline time.Duration `yaml:"query_deadline"` // a question's embedding; then the search is lexical
	Retries       int           `yaml:"retries"`        // on 429 and 5xx
}

// Answer tunes retrieval for answers.
type Answer struct {
	K        int     `yaml:"k"`         // passages given to the model
	MinScore float64 `yaml:"min_score"` // below this the bot abstains
}

// Prompts may come from a folder instead of the embedded defaults.
type Prompts struct {
	Dir string `yaml:"dir"`
}

// Slack is the transport's configuration; tokens come from the environment.
type Slack struct {
	Command         string        `yaml:"command"`          // default "/brief"
	Addr            string        `yaml:"addr"`             // HTTP mode listen address
	Admins          []string      `yaml:"admins"`           // user ids allowed /brief add, digest now
	Channels        []string      `yaml:"channels"`         // allow-list; empty: all
	Workers         int           `yaml:"workers"`          // answer workers; 0: sized for the work (cores without a model, 8-16 with one)
	Queue           int           `yaml:"queue"`            // waiting questions before "busy"
	QueueWait       time.Duration `yaml:"queue_wait"`       // longest a question waits for a worker; 0: no limit
	MaxBodyBytes    int64         `yaml:"max_body_bytes"`   // HTTP request cap
	DedupeTTL       time.Duration `yaml:"dedupe_ttl"`       // how long event ids are remembered
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout"` // drain time on SIGTERM
}

// Digest is one scheduled digest.
type Digest struct {
	Channel   string `yaml:"channel"`
	Schedule  string `yaml:"schedule"`   // cron, default "0 9 * * MON"
	TimeZone  string `yaml:"time_zone"`  // IANA name, default "UTC"
	MaxItems  int    `yaml:"max_items"`  // default 8
	EmptyWeek string `yaml:"empty_week"` // "skip" (default) or "post"
}

// Feeds are polled on their own schedule so new material arrives unasked.
type Feeds struct {
	Schedule string   `yaml:"schedule"` // cron, default every 30 minutes
	URLs     []string `yaml:"urls"`
}

// Secrets are read from the environment only and never logged.
type Secrets struct {
	OpenAIKey          string
	SlackBotToken      string
	SlackAppToken      string
	SlackSigningSecret string
	SlackAPIURL        string // not secret, but per deployment: env SLACK_API_URL
	EmbeddingsKey      string // EMBEDDINGS_API_KEY, else OPENAI_API_KEY
}

// String keeps secrets out of logs and panics.
func (Secrets) String() string { return "[secrets redacted]" }

// GoString keeps secrets out of %#v.
func (s Secrets) GoString() string { return s.String() }

// Default returns the configuration used when no file is given. It is the
// one place defaults live: the packages below take what cmd/bot copies from
// here as given and keep no copy of these values.
func Default() Config {
	return Config{
		Topic: Topic{
			Name: "the Kenya-led Multinational Security Support (MSS) mission in Haiti, since 2025 the Gang Suppression Force (GSF)",
			Description: "A UN-authorised, non-UN security mission led by Kenya to support the Haitian National Police against armed gangs; " +
				"resolution 2793 (2025) turned it into the Gang Suppression Force with a UN Support Office (UNSOH).",
			// One group per body, its names in every language the corpus
			// holds. The MSS and the force that replaced it are two groups:
			// "what is the force called now" must tell them apart.
			Aliases: [][]string{
				{"MSS", "MSSM", "Multinational Security Support", "Mission multinationale d'appui à la sécurité", "MMAS"},
				{"GSF", "Gang Suppression Force", "Force de répression des gangs", "Force de suppression des gangs", "FRG", "anti-gang force"},
				{"UNSOH", "UN Support Office", "United Nations Support Office", "Bureau d'appui des Nations unies", "BANUH"},
				{"BINUH", "UN Integrated Office in Haiti", "United Nations Integrated Office in Haiti", "Bureau intégré des Nations unies en Haïti"},
				{"HNP", "PNH", "Haitian National Police", "Police nationale d'Haïti"},
				{"Transitional Presidential Council", "Presidential Transitional Council", "Conseil présidentiel de transition", "CPT"},
				{"Security Council", "UNSC", "UN Security Council", "Conseil de sécurité", "CSNU"},
			},
			Examples: []string{
				"Who leads the Haiti security mission?",
				"What did resolution 2793 change?",
				"How is the mission funded?",
			},
		},
		Store:  Store{Path: "data/brief.db"},
		Ingest: Ingest{MaxBytes: 20 << 20, Timeout: 30 * time.Second, MaxRedirects: 5, UserAgent: "briefbot/1.0 (+https://github.com/mss-brief/briefbot)"},
		LLM: LLM{Model: "gpt-4o-mini", APIType: "openai", AzureAPIVersion: "2024-06-01", Timeout: 60 * time.Second, Deadline: 45 * time.Second,
			MaxTokens: 900, Temperature: 0.2, Retries: 3},
		Embed:  Embeddings{Batch: 64, Timeout: 20 * time.Second, QueryDeadline: 3 * time.Second, Retries: 3},
		Answer: Answer{K: 6, MinScore: 0},
		Slack: Slack{Command: "/brief", Addr: ":8080", Workers: 0, Queue: 64, QueueWait: 2 * time.Minute, MaxBodyBytes: 1 << 20,
			DedupeTTL: 24 * time.Hour, ShutdownTimeout: 30 * time.Second},
		Feeds: Feeds{Schedule: "*/30 * * * *"},
	}
}

// Load reads the YAML file at path (none when path is empty) over the
// defaults, then the environment through getenv, and validates the result.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return Config{}, fmt.Errorf("config: %w (set --config or BOT_CONFIG to an existing file, or omit it to use the defaults)", err)
		}
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&cfg); err != nil && !errors.Is(err, io.EOF) {
			return Config{}, fmt.Errorf("config %s: %w", path, err)
		}
		cfg.Source = path
	}
	cfg.applyEnv(getenv)
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func (c *Config) applyEnv(getenv func(string) string) {
	if v := getenv("BOT_DB"); v != "" {
		c.Store.Path = v
	}
	if v := getenv("BOT_DATABASE_URL"); v != "" {
		c.Store.URL = v
	}
	if v := getenv("OPENAI_BASE_URL"); v != "" {
		c.LLM.BaseURL = v
	}
	if v := getenv("OPENAI_MODEL"); v != "" {
		c.LLM.Model = v
	}
	c.Secrets = Secrets{
		OpenAIKey:          getenv("OPENAI_API_KEY"),
		SlackBotToken:      getenv("SLACK_BOT_TOKEN"),
		SlackAppToken:      getenv("SLACK_APP_TOKEN"),
		SlackSigningSecret: getenv("SLACK_SIGNING_SECRET"),
		SlackAPIURL:        getenv("SLACK_API_URL"),
		EmbeddingsKey:      getenv("EMBEDDINGS_API_KEY"),
	}
	if c.Secrets.EmbeddingsKey == "" {
		c.Secrets.EmbeddingsKey = c.Secrets.OpenAIKey
	}
	if v := getenv("EMBEDDINGS_MODEL"); v != "" {
		c.Embed.Model = v
	}
	if v := getenv("EMBEDDINGS_BASE_URL"); v != "" {
		c.Embed.BaseURL = v
	}
	if c.Embed.BaseURL == "" {
		c.Embed.BaseURL = c.LLM.BaseURL
	}
}

// LLMConfigured reports whether answers can use a language model. A base
// URL alone is enough for local servers (Ollama, vLLM) that need no key.
func (c Config) LLMConfigured() bool {
	return c.Secrets.OpenAIKey != "" || c.LLM.BaseURL != ""
}

// Validate checks the values and names the key to fix.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("config: %s: %s", key, fmt.Sprintf(format, args...)))
	}
	if c.Store.Path == "" && c.Store.URL == "" {
		bad("store.path", "must not be empty (or set BOT_DB)")
	}
	if u := c.Store.URL; u != "" && !strings.HasPrefix(u, "postgres://") && !strings.HasPrefix(u, "postgresql://") {
		bad("store.url", "must be a postgres:// URL (or leave it empty for the SQLite file at store.path)")
	}
	if c.Ingest.MaxBytes <= 0 {
		bad("ingest.max_bytes", "must be positive")
	}
	if c.Ingest.Timeout <= 0 {
		bad("ingest.timeout", "must be a positive duration such as 30s")
	}
	switch c.LLM.APIType {
	case "openai", "azure":
	default:
		bad("llm.api_type", "%q is not one of openai, azure", c.LLM.APIType)
	}
	if c.LLM.Model == "" {
		bad("llm.model", "must name a model (or set OPENAI_MODEL)")
	}
	if c.LLM.Timeout <= 0 {
		bad("llm.timeout", "must be a positive duration such as 60s")
	}
	if c.LLM.Deadline <= 0 {
		bad("llm.deadline", "must be a positive duration such as 45s")
	}
	if c.LLM.Temperature < 0 || c.LLM.Temperature > 2 {
		bad("llm.temperature", "%v is outside 0 to 2", c.LLM.Temperature)
	}
	if c.LLM.Retries < 0 {
		bad("llm.retries", "must not be negative")
	}
	if c.Embed.Dimensions < 0 || c.Embed.Batch <= 0 || c.Embed.Retries < 0 {
		bad("embeddings", "dimensions and retries must not be negative, batch must be positive")
	}
	if c.Embed.Timeout <= 0 || c.Embed.QueryDeadline <= 0 {
		bad("embeddings", "timeout and query_deadline must be positive durations such as 20s and 3s")
	}
	if c.Answer.K <= 0 || c.Answer.K > 20 {
		bad("answer.k", "%d is outside 1 to 20", c.Answer.K)
	}
	if !strings.HasPrefix(c.Slack.Command, "/") {
		bad("slack.command", "%q must start with /", c.Slack.Command)
	}
	if c.Slack.Workers < 0 {
		bad("slack.workers", "must not be negative (0 sizes the pool for the work)")
	}
	if c.Slack.Queue < 0 {
		bad("slack.queue", "must not be negative")
	}
	if c.Slack.QueueWait < 0 {
		bad("slack.queue_wait", "must not be negative (0: no limit)")
	}
	if c.Slack.MaxBodyBytes <= 0 {
		bad("slack.max_body_bytes", "must be positive")
	}
	if c.DigestLease < 0 {
		bad("digest_lease", "must not be negative (0: 5 minutes)")
	}
	for i, d := range c.Digests {
		key := fmt.Sprintf("digests[%d]", i)
		if d.Channel == "" {
			bad(key+".channel", "must name a Slack channel id such as C0123456789")
		}
		if d.TimeZone != "" {
			if _, err := time.LoadLocation(d.TimeZone); err != nil {
				bad(key+".time_zone", "%q is not an IANA time zone such as Africa/Nairobi", d.TimeZone)
			}
		}
		switch d.EmptyWeek {
		case "", "skip", "post":
		default:
			bad(key+".empty_week", "%q is not one of skip, post", d.EmptyWeek)
		}
		if d.MaxItems < 0 {
			bad(key+".max_items", "must not be negative")
		}
	}
	return errors.Join(errs...)
}
