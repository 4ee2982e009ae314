package database

import (
	"context"
	"errors"
)

func openPostgres(ctx context.Context, target string) (*DB, error) {
	return nil, errors.New("open store: PostgreSQL is not built in yet")
}

func (db *DB) migratePostgres(ctx context.Context) error { return errors.New("not built in") }
