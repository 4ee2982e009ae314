package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdSearch(ctx context.Context, e *env, args []string) error {
	return errors.New("search: not built yet")
}
