"""Find cameras and recorders on the site network, offline, within bounds the user chose.

One module per protocol (``wsd``, ``onvif``, ``sadp``, ``dhip``, ``arp``), each
turning wire messages into ``Finding`` values that say which protocol and which
message element reported them; ``scan`` runs the probes inside a time limit, a
rate limit and a target list; ``rows`` hands the devices to the survey
importer's own validation; ``merge`` folds a re-scan into an earlier one by MAC.
"""
