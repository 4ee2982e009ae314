// Command bot is the MSS briefing bot: one binary whose subcommands ingest
// and search the corpus, answer questions, post digests and serve Slack.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/mss-brief/briefbot/internal/metrics"
)

// command is one subcommand: its flags are parsed by run itself.
type command struct {
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func commands() map[string]command {
	return map[string]command{
		"ingest":  {"add files, folders, web pages or feeds (--feed) to the corpus", cmdIngest},
		"search":  {"show the passages that best match a query", cmdSearch},
		"sources": {"list the documents in the corpus", cmdSources},
		"reindex": {"embed passages for dense search (--embeddings)", cmdReindex},
		"ask":     {"answer a question from the corpus, with sources", cmdAsk},
		"eval":    {"measure retrieval and answers against a question file", cmdEval},
		"digest":  {"print or post a digest of what is new", cmdDigest},
		"serve":   {"run the Slack bot (Socket Mode or HTTP)", cmdServe},
		"migrate": {"copy the store into PostgreSQL (--to postgres://…), resumably", cmdMigrate},
	}
}

// env is what a command may touch of the outside world; tests pass their own.
type env struct {
	stdout, stderr io.Writer
	stdin          io.Reader
	getenv         func(string) string
	log            *slog.Logger
	isTerminal     bool             // stderr is a terminal: progress bars are welcome
	metrics        *metrics.Metrics // bot serve's series (metrics.go); nil for other commands
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: os.Stdin, getenv: os.Getenv, isTerminal: isTerminal(os.Stderr)}
	os.Exit(run(ctx, e, os.Args[1:]))
}

// run dispatches to a subcommand and turns its error into an exit code.
func run(ctx context.Context, e *env, args []string) int {
	if e.log == nil {
		level := slog.LevelInfo
		if e.getenv("BOT_DEBUG") != "" {
			level = slog.LevelDebug
		}
		e.log = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "bot: unknown command %q\n\n", args[0])
		usage(e.stderr, cmds)
		return 2
	}
	err := cmd.run(ctx, e, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, new(usageError)):
		fmt.Fprintf(e.stderr, "bot %s: %v\n", args[0], err)
		return 2
	default:
		fmt.Fprintf(e.stderr, "bot %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: bot <command> [flags] [arguments]\n\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'bot <command> -h' for a command's flags. Settings: --config FILE (or BOT_CONFIG), --db PATH or postgres://URL (or BOT_DB, BOT_DATABASE_URL).")
}

// usageError is a mistake in the command line: exit code 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
