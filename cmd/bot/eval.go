package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdEval(ctx context.Context, e *env, args []string) error {
	return errors.New("eval: not built yet")
}
