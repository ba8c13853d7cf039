package cn.shanghai.residence.gateway.citizen;

import cn.shanghai.residence.gateway.police.Application;

/** The GraphQL {@code Delivery}: police's delivery plus whose it is, so tracking can be looked up in bulk. */
record ApplicationDelivery(String personId, Application.Delivery delivery) {

    public Application.DeliveryMethod method() {
        return delivery.method();
    }

    public String trackingNumber() {
        return delivery.trackingNo();
    }
}
