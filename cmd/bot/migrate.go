package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/mss-brief/briefbot/internal/database"
)

// cmdMigrate copies the store (by default the SQLite file) into another,
// usually PostgreSQL, so replicas can share it.
func cmdMigrate(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "migrate", "--to postgres://…")
	to := fs.String("to", "", "destination store: a postgres:// `URL` (or another SQLite path)")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: migrate takes only flags", rest[0])}
	}
	if *to == "" {
		return usageError{"--to is needed, e.g. bot migrate --to postgres://bot@db.internal/brief"}
	}
	cfg, err := c.load(e)
	if err != nil {
		return err
	}
	if cfg.Store.Target() == *to {
		return usageError{"--to names the store being copied"}
	}
	src, err := database.Open(ctx, cfg.Store.Target())
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := database.Open(ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	e.log.Info("migrate: copying", "from", src.String(), "to", dst.String())
	copied, err := database.Copy(ctx, src, dst, func(table string, done, total int) {
		e.log.Debug("migrate", "table", table, "rows", done, "of", total)
	})
	writeCopySummary(e, copied)
	if err != nil {
		return fmt.Errorf("%w (run the same command again to go on where it stopped)", err)
	}
	fmt.Fprintf(e.stdout, "done: %s now holds the store; point store.url (or BOT_DATABASE_URL) at it\n", dst.String())
	return nil
}

func writeCopySummary(e *env, copied []database.TableCopy) {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\tsource rows\tcopied now\talready there\t")
	for _, t := range copied {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", t.Table, t.Source, t.Copied, t.Present)
	}
	tw.Flush()
}
