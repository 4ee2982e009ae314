package main

import (
	"context"
	"errors"
)

// TODO(helper): replace this placeholder.
func cmdDigest(ctx context.Context, e *env, args []string) error {
	return errors.New("digest: not built yet")
}
