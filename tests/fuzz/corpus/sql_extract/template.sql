SELECT * FROM `{{ params.PROJECT }}.{{ params.DATASET }}.orders`
JOIN {{ params['PROJECT'] }}.crm.{{ TABLE }} ON TRUE
JOIN `{{params["missing"]}}.x.y` USING (id)
{% if execution_date %} WHERE dt = '{{ execution_date }}' {% endif %} {# comment {{ x }} #}
{{ unclosed
