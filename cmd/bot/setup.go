package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// common holds the flags every command shares.
type common struct {
	configPath string
	dbPath     string
}

// newFlags makes a command's flag set with the shared --config and --db.
func newFlags(e *env, name, argsHelp string) (*flag.FlagSet, *common) {
	fs := flag.NewFlagSet("bot "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	c := &common{}
	fs.StringVar(&c.configPath, "config", e.getenv("BOT_CONFIG"), "YAML configuration `file` (env BOT_CONFIG); defaults apply without one")
	fs.StringVar(&c.dbPath, "db", "", "store: SQLite file `path` or postgres:// URL (env BOT_DB or BOT_DATABASE_URL; default data/brief.db)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: bot %s [flags] %s\n\nflags:\n", name, argsHelp)
		fs.PrintDefaults()
	}
	return fs, c
}

// parseFlags parses args, letting flags follow positional arguments too
// ("bot search QUERY --json" works like "bot search --json QUERY").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// load reads the configuration, applying --db over file and environment.
func (c *common) load(e *env) (config.Config, error) {
	cfg, err := config.Load(c.configPath, e.getenv)
	if err != nil {
		return config.Config{}, err
	}
	switch {
	case database.IsURL(c.dbPath):
		cfg.Store.URL = c.dbPath
	case c.dbPath != "":
		cfg.Store.Path, cfg.Store.URL = c.dbPath, ""
	}
	return cfg, nil
}

// open loads the configuration and opens the store it names.
func (c *common) open(ctx context.Context, e *env) (config.Config, *corpus.Store, error) {
	cfg, err := c.load(e)
	if err != nil {
		return config.Config{}, nil, err
	}
	store, err := openStore(ctx, e, cfg)
	if err != nil {
		return config.Config{}, nil, err
	}
	return cfg, store, nil
}

// openStore opens the store and, when it is empty, loads the bundled
// briefing notes so that the first run answers something.
func openStore(ctx context.Context, e *env, cfg config.Config) (*corpus.Store, error) {
	store, err := corpus.Open(ctx, cfg.Store.Target(), corpus.WithAnalyzer(lexicon.New(cfg.Topic.Aliases)))
	if err != nil {
		return nil, err
	}
	n, err := store.LoadBundled(ctx)
	if err != nil {
		store.Close()
		return nil, err
	}
	if n > 0 {
		e.log.Info("empty store: loaded the bundled briefing notes", "documents", n, "db", store.Database().String())
	}
	return store, nil
}
