"""The disposition chain: its vocabulary (states), the workflow, replies and decisions, and every mail it sends."""
