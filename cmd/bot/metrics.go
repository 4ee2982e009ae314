package main

import (
	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/schedule"
)

// The observers a command's parts report to: under `bot serve` its
// metrics (e.metrics), elsewhere none. Each returns a nil interface, not
// a nil *metrics.Metrics inside one, when there are no metrics.

// modelOptions are the options of every language model client a command
// makes: its log and, under serve, the metrics.
func (e *env) modelOptions() []brief.OpenAIOption {
	opts := []brief.OpenAIOption{brief.WithLogger(e.log)}
	if e.metrics != nil {
		opts = append(opts, brief.WithObserver(e.metrics))
	}
	return opts
}

func (e *env) modelObserver() brief.ModelObserver {
	if e.metrics == nil {
		return nil
	}
	return e.metrics
}

func (e *env) scheduleObserver() schedule.Observer {
	if e.metrics == nil {
		return nil
	}
	return e.metrics
}

func (e *env) ingestObserver() corpus.IngestObserver {
	if e.metrics == nil {
		return nil
	}
	return e.metrics
}
