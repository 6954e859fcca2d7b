{{/* The chart name, overridable. */}}
{{- define "agentgateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The full name: the release name when it already holds the chart name. */}}
{{- define "agentgateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Cluster-scoped names carry the release namespace, so two installs never collide. */}}
{{- define "agentgateway.clusterName" -}}
{{- printf "%s-%s" (include "agentgateway.fullname" .) .Release.Namespace | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "agentgateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "agentgateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "agentgateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "agentgateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "agentgateway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "agentgateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "agentgateway.tag" -}}
{{- default .root.Chart.AppVersion (default .root.Values.image.tag .image.tag) }}
{{- end }}

{{- define "agentgateway.controllerImage" -}}
{{- $registry := default .Values.image.registry .Values.controller.image.registry }}
{{- $tag := include "agentgateway.tag" (dict "root" . "image" .Values.controller.image) }}
{{- if $registry }}{{ printf "%s/%s:%s" $registry .Values.controller.image.repository $tag }}{{ else }}{{ printf "%s:%s" .Values.controller.image.repository $tag }}{{ end }}
{{- end }}

{{/* The xDS certificate Secret: its name is fixed in the controller. */}}
{{- define "agentgateway.xdsSecretName" -}}
agentgateway-xds-cert
{{- end }}

{{/* The leader-election Lease: its name is fixed in the controller. */}}
{{- define "agentgateway.leaseName" -}}
agentgateway-controller
{{- end }}
