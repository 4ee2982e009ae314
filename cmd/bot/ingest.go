package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdIngest(ctx context.Context, e *env, args []string) error {
	return errors.New("ingest: not built yet")
}
