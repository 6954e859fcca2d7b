/** AgentgatewayPolicy translation: validation, field mapping, target resolution and status. */
package dev.agentgateway.control.translate.policy;
