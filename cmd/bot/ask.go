package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdAsk(ctx context.Context, e *env, args []string) error {
	return errors.New("ask: not built yet")
}
