package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdSources(ctx context.Context, e *env, args []string) error {
	return errors.New("sources: not built yet")
}
