package analysis

import (
	"math"

	"servicebp/blueprint"
)

// QueueStats are the M/M/c (Erlang C) figures of one queue: Poisson
// arrivals at rate λ, exponential service at rate μ per server, c servers,
// first come first served, in steady state.
type QueueStats struct {
	// Step is the id of the step the queue is at.
	Step string
	// Servers is the number of servers the figures are for: the file's,
	// or a what-if override.
	Servers int
	// Utilisation is ρ = λ/(c·μ).
	Utilisation float64
	// Stable is false when ρ ≥ 1: the queue grows without bound, and the
	// wait figures are meaningless (they are left at zero).
	Stable bool
	// PWait is the probability that an arrival has to wait (Erlang C).
	PWait float64
	// MeanWait is the mean wait in the queue, Wq = C/(c·μ − λ), in seconds.
	MeanWait float64
	// P90Wait is the 90th-percentile wait in seconds: the t with
	// P(Wq > t) = C·e^{−(cμ−λ)t} = 0.1, or 0 when C ≤ 0.1.
	P90Wait float64
	// ServersNeeded is the smallest number of servers with ρ < 1.
	ServersNeeded int
	// ServersForTarget is the smallest number of servers whose mean wait
	// is at most the target wait, when one was asked for; 0 otherwise.
	ServersForTarget int
}

// ErlangC returns the probability of waiting in an M/M/c queue with c
// servers and offered load a = λ/μ. It is 1 when a ≥ c (the queue is
// unstable) and 0 for a ≤ 0. It uses the Erlang B recursion, which stays
// accurate for thousands of servers.
func ErlangC(c int, a float64) float64 {
	if a <= 0 || c < 1 {
		return 0
	}
	if a >= float64(c) {
		return 1
	}
	b := 1.0
	for k := 1; k <= c; k++ {
		b = a * b / (float64(k) + a*b)
	}
	rho := a / float64(c)
	return b / (1 - rho*(1-b))
}

// MMc returns the figures of a queue with arrival rate lambda and service
// rate mu (both per second) and c servers. targetWait, when positive,
// asks for ServersForTarget.
func MMc(lambda, mu float64, c int, targetWait float64) QueueStats {
	q := QueueStats{Servers: c}
	if lambda <= 0 || mu <= 0 || c < 1 {
		return q
	}
	a := lambda / mu
	q.Utilisation = a / float64(c)
	q.Stable = q.Utilisation < 1
	q.ServersNeeded = int(math.Floor(a)) + 1
	if q.Stable {
		q.PWait, q.MeanWait, q.P90Wait = waits(lambda, mu, c)
	}
	if targetWait > 0 {
		q.ServersForTarget = serversFor(lambda, mu, targetWait, q.ServersNeeded)
	}
	return q
}

// waits returns Erlang C's probability of waiting, mean wait and
// 90th-percentile wait for a stable queue.
func waits(lambda, mu float64, c int) (pWait, mean, p90 float64) {
	pWait = ErlangC(c, lambda/mu)
	rate := float64(c)*mu - lambda
	mean = pWait / rate
	if pWait > 0.1 {
		p90 = math.Log(pWait/0.1) / rate
	}
	return pWait, mean, p90
}

// maxServerSearch bounds the search for servers beyond the stable minimum.
const maxServerSearch = 100000

// serversFor returns the smallest number of servers, from the stable
// minimum c0 up, whose mean wait is at most target seconds.
func serversFor(lambda, mu, target float64, c0 int) int {
	a := lambda / mu
	if c0 > maxServerSearch {
		// A load this large is past any real service; the search is not
		// run, and the figure given is the stable minimum.
		return c0
	}
	// Erlang B for c0 servers, then one step of the recursion per server.
	b := 1.0
	for k := 1; k <= c0; k++ {
		b = a * b / (float64(k) + a*b)
	}
	for c := c0; c < c0+maxServerSearch; c++ {
		if c > c0 {
			b = a * b / (float64(c) + a*b)
		}
		rho := a / float64(c)
		pw := b / (1 - rho*(1-b))
		if pw/(float64(c)*mu-lambda) <= target {
			return c
		}
	}
	return c0 + maxServerSearch
}

// QueueOptions change how the queue figures are computed.
type QueueOptions struct {
	// Servers overrides the number of servers of the queue at a step, by
	// step id: a what-if.
	Servers map[string]int
	// TargetWait, when positive, asks for the servers needed to keep the
	// mean wait at or below it.
	TargetWait blueprint.Duration
}

// ComputeQueues returns the figures of every queue in d, in step order.
func ComputeQueues(d *blueprint.Document, opt QueueOptions) []QueueStats {
	if d == nil {
		return nil
	}
	var out []QueueStats
	for _, s := range d.Steps {
		if s.Queue.IsZero() {
			continue
		}
		c := s.Queue.Servers
		if n, ok := opt.Servers[s.ID]; ok {
			c = n
		}
		q := stepQueue(s.Queue, c, float64(opt.TargetWait))
		q.Step = s.ID
		out = append(out, q)
	}
	return out
}

// QueueFigures returns the figures of queue q with its own servers.
func QueueFigures(q blueprint.Queue) QueueStats { return stepQueue(q, q.Servers, 0) }

// stepQueue computes the figures of queue q with c servers.
func stepQueue(q blueprint.Queue, c int, target float64) QueueStats {
	return MMc(q.Arrivals.PerSecond(), 1/float64(q.Service), c, target)
}
