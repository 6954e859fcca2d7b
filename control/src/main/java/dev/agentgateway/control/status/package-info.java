/** Writing translated status onto objects without churning timestamps or others' entries. */
package dev.agentgateway.control.status;
