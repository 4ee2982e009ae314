package slacktest

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Ack is a Socket Mode acknowledgement the client sent.
type Ack struct {
	Seq        int64 // order among everything the fake recorded
	EnvelopeID string
	Payload    json.RawMessage // the response the ack carried, if any
}

type socketConn struct {
	ws      *websocket.Conn
	writeMu sync.Mutex
	done    chan struct{}
}

func (c *socketConn) write(msgType int, data []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_ = c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(msgType, data)
}

type socketState struct {
	mu       sync.Mutex
	conns    []*socketConn
	acks     []Ack
	envelope int
	opened   int // connections ever accepted
}

func newSocketState() *socketState { return &socketState{} }

func (st *socketState) closeAll() {
	st.mu.Lock()
	conns := slices.Clone(st.conns)
	st.mu.Unlock()
	for _, c := range conns {
		_ = c.ws.Close()
	}
}

var upgrader = websocket.Upgrader{
	// slack-go dials with Origin https://api.slack.com; a fake must accept it.
	CheckOrigin: func(*http.Request) bool { return true },
}

func (s *Server) serveSocket(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	c := &socketConn{ws: ws, done: make(chan struct{})}
	hello, _ := json.Marshal(obj{"type": "hello", "num_connections": 1,
		"connection_info": obj{"app_id": "AFAKE"}, "debug_info": obj{"host": "fake", "approximate_connection_time": 3600}})
	if err := c.write(websocket.TextMessage, hello); err != nil {
		_ = ws.Close()
		return
	}
	st := s.socket
	st.mu.Lock()
	st.conns = append(st.conns, c)
	st.opened++
	st.mu.Unlock()
	s.mu.Lock()
	s.notifyLocked()
	s.mu.Unlock()

	go s.pingLoop(c)
	defer func() {
		close(c.done)
		_ = ws.Close()
		st.mu.Lock()
		st.conns = slices.DeleteFunc(st.conns, func(x *socketConn) bool { return x == c })
		st.mu.Unlock()
		s.mu.Lock()
		s.notifyLocked()
		s.mu.Unlock()
	}()
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var ack struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if json.Unmarshal(data, &ack) != nil || ack.EnvelopeID == "" {
			continue
		}
		s.mu.Lock()
		a := Ack{Seq: s.nextSeqLocked(), EnvelopeID: ack.EnvelopeID, Payload: ack.Payload}
		st.mu.Lock()
		st.acks = append(st.acks, a)
		st.mu.Unlock()
		s.notifyLocked()
		s.mu.Unlock()
	}
}

func (s *Server) pingLoop(c *socketConn) {
	t := time.NewTicker(s.pingInterval)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
			c.writeMu.Lock()
			err := c.ws.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(5*time.Second))
			c.writeMu.Unlock()
			if err != nil {
				return
			}
		}
	}
}

// SocketConnections reports how many Socket Mode connections are open now
// and how many were ever opened (reconnects show up in the second).
func (s *Server) SocketConnections() (open, ever int) {
	s.socket.mu.Lock()
	defer s.socket.mu.Unlock()
	return len(s.socket.conns), s.socket.opened
}

// WaitForSocket waits until a Socket Mode client is connected.
func (s *Server) WaitForSocket(timeout time.Duration) error {
	if !s.Wait(timeout, func() bool { n, _ := s.SocketConnections(); return n > 0 }) {
		return fmt.Errorf("slacktest: no Socket Mode connection after %s", timeout)
	}
	return nil
}

// Acks returns the Socket Mode acknowledgements received.
func (s *Server) Acks() []Ack {
	s.socket.mu.Lock()
	defer s.socket.mu.Unlock()
	return slices.Clone(s.socket.acks)
}

// WaitForAck waits for the acknowledgement of an envelope.
func (s *Server) WaitForAck(envelopeID string, timeout time.Duration) (Ack, error) {
	var found Ack
	ok := s.Wait(timeout, func() bool {
		for _, a := range s.Acks() {
			if a.EnvelopeID == envelopeID {
				found = a
				return true
			}
		}
		return false
	})
	if !ok {
		return Ack{}, fmt.Errorf("slacktest: envelope %s not acknowledged after %s", envelopeID, timeout)
	}
	return found, nil
}

// ErrNoSocket is returned when an envelope is sent with no client connected.
var ErrNoSocket = errors.New("slacktest: no Socket Mode client connected")

// SendEnvelope sends a Socket Mode envelope of the given type ("events_api",
// "slash_commands", "interactive") to the newest connection and returns its
// envelope id. retryAttempt > 0 marks it as a redelivery.
func (s *Server) SendEnvelope(typ string, payload any, retryAttempt int) (string, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return "", fmt.Errorf("slacktest: envelope payload: %w", err)
	}
	st := s.socket
	st.mu.Lock()
	if len(st.conns) == 0 {
		st.mu.Unlock()
		return "", ErrNoSocket
	}
	c := st.conns[len(st.conns)-1]
	st.envelope++
	id := "env-" + strconv.Itoa(st.envelope)
	st.mu.Unlock()
	env := obj{"envelope_id": id, "type": typ, "payload": json.RawMessage(raw),
		"accepts_response_payload": typ != "events_api", "retry_attempt": retryAttempt}
	if retryAttempt > 0 {
		env["retry_reason"] = "timeout"
	}
	data, _ := json.Marshal(env)
	if err := c.write(websocket.TextMessage, data); err != nil {
		return "", fmt.Errorf("slacktest: send envelope: %w", err)
	}
	return id, nil
}

// SendEvent sends an Events API callback (see EventCallback) over Socket Mode.
func (s *Server) SendEvent(callback json.RawMessage, retryAttempt int) (string, error) {
	return s.SendEnvelope("events_api", callback, retryAttempt)
}

// SendSlashCommand sends a slash command over Socket Mode; in Socket Mode
// its fields travel as a JSON object of strings.
func (s *Server) SendSlashCommand(form url.Values) (string, error) {
	m := map[string]string{}
	for k := range form {
		m[k] = form.Get(k)
	}
	return s.SendEnvelope("slash_commands", m, 0)
}

// SendInteractive sends an interaction payload (e.g. block_actions) over
// Socket Mode.
func (s *Server) SendInteractive(payload any) (string, error) {
	return s.SendEnvelope("interactive", payload, 0)
}
