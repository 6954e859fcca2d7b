/** Benchmarks: JMH micro-benchmarks and load-test helpers run by the scripts in bench/. */
package dev.agentgateway.bench;
