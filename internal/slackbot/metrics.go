package slackbot

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the bot's Prometheus series, on a registry it is given.
type metrics struct {
	reg          *prometheus.Registry
	requests     *prometheus.CounterVec   // kind, outcome
	ackSeconds   *prometheus.HistogramVec // kind
	answers      *prometheus.CounterVec   // via, mode
	answerSecs   *prometheus.HistogramVec // via
	overheadSecs prometheus.Histogram     // event to posted answer minus the answerer's time
	duplicates   *prometheus.CounterVec   // kind
	busy         *prometheus.CounterVec   // kind
	apiErrors    *prometheus.CounterVec   // method
	feedback     *prometheus.CounterVec   // vote
	queueDepth   prometheus.Gauge
	busyWorkers  prometheus.Gauge
}

func newMetrics(reg *prometheus.Registry) (*metrics, error) {
	fast := []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5}
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_requests_total", Help: "Requests from Slack by kind (events, commands, interactive) and outcome.",
		}, []string{"kind", "outcome"}),
		ackSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "briefbot_slack_ack_seconds", Help: "Time from receiving a Slack request to acknowledging it.", Buckets: fast,
		}, []string{"kind"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_answers_total", Help: "Answers posted, by how they were asked and how they were made.",
		}, []string{"via", "mode"}),
		answerSecs: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "briefbot_slack_answer_seconds", Help: "Time from a question's arrival to its answer being posted.",
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 12),
		}, []string{"via"}),
		overheadSecs: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "briefbot_slack_overhead_seconds", Help: "Time from a question's arrival to its posted answer, minus the answerer's own time.", Buckets: fast,
		}),
		duplicates: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_duplicates_total", Help: "Deliveries not answered because they were answered already (retries, re-sends).",
		}, []string{"kind"}),
		busy: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_busy_total", Help: "Questions turned away because the worker pool was full.",
		}, []string{"kind"}),
		apiErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_api_errors_total", Help: "Slack Web API calls that failed, by method.",
		}, []string{"method"}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "briefbot_slack_feedback_total", Help: "Feedback clicks on answers.",
		}, []string{"vote"}),
		queueDepth: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefbot_slack_queue_depth", Help: "Questions waiting for a worker.",
		}),
		busyWorkers: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "briefbot_slack_busy_workers", Help: "Workers answering now.",
		}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.ackSeconds, m.answers, m.answerSecs, m.overheadSecs,
		m.duplicates, m.busy, m.apiErrors, m.feedback, m.queueDepth, m.busyWorkers} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("slackbot metrics: %w", err)
		}
	}
	// Process and Go runtime series, unless the caller registered them.
	for _, c := range []prometheus.Collector{collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		if err := reg.Register(c); err != nil {
			var are prometheus.AlreadyRegisteredError
			if !errors.As(err, &are) {
				return nil, fmt.Errorf("slackbot metrics: %w", err)
			}
		}
	}
	return m, nil
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}
