package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdServe(ctx context.Context, e *env, args []string) error {
	return errors.New("serve: not built yet")
}
