package brief

import "time"

// ModelObserver is told what the language model did, for metrics kept
// elsewhere (brief does not know how they are exported). Calls come from
// the answering goroutines, concurrently.
type ModelObserver interface {
	// ModelCall is one Chat, after its retries.
	ModelCall(ModelCall)
	// ModelFallback is an answer that was to be written by the model and
	// was made by extraction instead; reason is one of the Fallback* names.
	ModelFallback(reason string)
}

// ModelCall is what one Chat did.
type ModelCall struct {
	Model    string
	Streamed bool
	Took     time.Duration // retries and their waits included
	Attempts int
	// Tokens as the server counted them, over all attempts; 0 when it did
	// not say (a streamed reply from a server without stream usage).
	PromptTokens, CompletionTokens int
	// Failure is "" when the model answered, else a short fixed kind:
	// timeout, rate_limited, server_error, unauthorised, refused, cut_off,
	// content_filter, malformed, connection or cancelled.
	Failure string
}

// Why an answer fell back from the model to extraction.
const (
	FallbackModelFailed = "model_failed" // the call failed after its retries
	FallbackDeadline    = "deadline"     // the model took longer than the answer's deadline
	FallbackPrompt      = "prompt"       // the prompt template did not render
	FallbackRejected    = "rejected"     // the model's text failed the checks (citations, injection)
)

// fallback tells the observer, if any, that an answer fell back.
func (a *Answerer) fallback(reason string) {
	if a.cfg.Observer != nil {
		a.cfg.Observer.ModelFallback(reason)
	}
}
